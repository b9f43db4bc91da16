-- Consent of visitors who registered at a scan (issue 3): who agreed, when, to which version of the stated
-- purpose and retention text (the text of each version stays in the message bundles as
-- checkin.consent.purpose.<version>, never edited once used), in which language it was shown.
-- One row per registration form sent with consent; a visitor registering again on another phone adds one.
CREATE TABLE checkin_consent (
    person_id       BIGINT      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    consented_at    BIGINT      NOT NULL,
    purpose_version VARCHAR(16) NOT NULL,
    language        VARCHAR(8)  NOT NULL,
    PRIMARY KEY (person_id, consented_at)
);
