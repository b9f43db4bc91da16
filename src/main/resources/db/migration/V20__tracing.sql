-- Precise tracing (org.jiaxing.tracing). Instants are epoch milliseconds (DbTime); the rules work in
-- whole seconds, so tracing's own instants are multiples of 1000. No foreign keys to persons, venues or
-- check-ins: they belong to other modules, and check-ins are purged after 28 days while an
-- investigation's result is kept as it was computed.

-- City overrides of the category parameters of the contact rules (minutes); a category without a row
-- uses the defaults of venue_category.
CREATE TABLE tracing_rule (
    category_code  VARCHAR(32) PRIMARY KEY,
    dwell_minutes  INTEGER     NOT NULL CHECK (dwell_minutes > 0),
    close_minutes  INTEGER     NOT NULL CHECK (close_minutes > 0),
    linger_minutes INTEGER     NOT NULL CHECK (linger_minutes >= 0),
    updated_by     VARCHAR(64) NOT NULL,
    updated_at     BIGINT      NOT NULL
);

-- reveal_state: NONE, REQUESTED, APPROVED (four-eyes: approved by a second official)
CREATE TABLE investigation (
    id                  INTEGER      PRIMARY KEY,
    reason              VARCHAR(500) NOT NULL,
    as_of               BIGINT       NOT NULL,
    opened_by           VARCHAR(64)  NOT NULL,
    opened_at           BIGINT       NOT NULL,
    close_count         INTEGER      NOT NULL,
    secondary_count     INTEGER      NOT NULL,
    exposed_count       INTEGER      NOT NULL,
    reveal_state        VARCHAR(16)  NOT NULL CHECK (reveal_state IN ('NONE', 'REQUESTED', 'APPROVED')),
    reveal_requested_by VARCHAR(64),
    reveal_requested_at BIGINT,
    reveal_reason       VARCHAR(500),
    reveal_approved_by  VARCHAR(64),
    reveal_approved_at  BIGINT,
    applied_by          VARCHAR(64),
    applied_at          BIGINT
);

CREATE INDEX investigation_opened ON investigation (opened_at);

-- The cases as entered (person found by phone or ID number) with their infectious window [window_from, window_to).
CREATE TABLE investigation_case (
    investigation_id BIGINT NOT NULL REFERENCES investigation (id),
    person_id        BIGINT NOT NULL,
    window_from      BIGINT NOT NULL,
    window_to        BIGINT NOT NULL,
    PRIMARY KEY (investigation_id, person_id, window_from, window_to)
);

-- Case presences P = I(c) ∩ W; each is also a risk window [start_at, risk_end_at) of its venue.
CREATE TABLE investigation_presence (
    investigation_id BIGINT NOT NULL REFERENCES investigation (id),
    case_person_id   BIGINT NOT NULL,
    checkin_id       BIGINT NOT NULL,
    venue_id         BIGINT NOT NULL,
    start_at         BIGINT NOT NULL,
    end_at           BIGINT NOT NULL,
    risk_end_at      BIGINT NOT NULL,
    PRIMARY KEY (investigation_id, case_person_id, checkin_id, start_at, end_at)
);

-- Each contact once, at the highest level.
CREATE TABLE investigation_contact (
    investigation_id BIGINT      NOT NULL REFERENCES investigation (id),
    person_id        BIGINT      NOT NULL,
    level            VARCHAR(16) NOT NULL CHECK (level IN ('CLOSE', 'SECONDARY', 'EXPOSED')),
    PRIMARY KEY (investigation_id, person_id)
);

-- All evidence of a contact: where and when [from_at, to_at) they overlapped, through which case / close contact.
CREATE TABLE investigation_evidence (
    investigation_id BIGINT      NOT NULL REFERENCES investigation (id),
    person_id        BIGINT      NOT NULL,
    seq              INTEGER     NOT NULL,
    kind             VARCHAR(16) NOT NULL CHECK (kind IN ('CLOSE', 'SECONDARY', 'EXPOSED')),
    venue_id         BIGINT      NOT NULL,
    from_at          BIGINT      NOT NULL,
    to_at            BIGINT      NOT NULL,
    case_person_id   BIGINT      NOT NULL,
    via_person_id    BIGINT,
    checkin_id       BIGINT      NOT NULL,
    PRIMARY KEY (investigation_id, person_id, seq)
);

-- Notifications to re-coded persons. The sender (log-only by default; an SMS gateway later) sets sent_at.
-- The person's own pages read their rows ("my records").
CREATE TABLE tracing_outbox (
    id               INTEGER     PRIMARY KEY,
    person_id        BIGINT      NOT NULL,
    investigation_id BIGINT      NOT NULL REFERENCES investigation (id),
    level            VARCHAR(16) NOT NULL CHECK (level IN ('CLOSE', 'SECONDARY', 'EXPOSED')),
    colour           VARCHAR(8)  NOT NULL CHECK (colour IN ('YELLOW', 'RED')),
    valid_until      BIGINT      NOT NULL,
    created_at       BIGINT      NOT NULL,
    sent_at          BIGINT,
    attempts         INTEGER     NOT NULL DEFAULT 0
);

CREATE INDEX tracing_outbox_person ON tracing_outbox (person_id, created_at);
CREATE INDEX tracing_outbox_pending ON tracing_outbox (sent_at, id);
