-- Visitors' real-name identities (org.jiaxing.person). Nothing personal is stored in clear text:
-- *_enc columns are AES-256-GCM ciphertexts, base64 of format(1) ‖ key id(1) ‖ IV(12) ‖ ciphertext ‖ tag(16);
-- *_index columns are HMAC-SHA256 blind indexes (base64url, 43 characters) for exact-match lookups.
-- See docs/SECURITY-persons.md.
CREATE TABLE person (
    id              INTEGER      PRIMARY KEY,
    name_enc        VARCHAR(256) NOT NULL,
    -- NULL for persons without a phone (children, elderly people registered by staff or family)
    phone_enc       VARCHAR(128),
    id_number_enc   VARCHAR(128) NOT NULL,
    -- the ID number is the identity: one person per ID number
    id_number_index CHAR(43)     NOT NULL UNIQUE,
    -- families share phones, so not unique; lookups take the newest phone_set_at
    phone_index     CHAR(43),
    phone_set_at    BIGINT,
    registered_at   BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);

CREATE INDEX person_phone ON person (phone_index, phone_set_at);

-- A check value per key (SHA-256 of a label and the key), so that the server refuses to start with a
-- key other than the one the persons were written with. Identifies a key without revealing it.
CREATE TABLE person_key (
    -- 'data' (AES-GCM) or 'index' (HMAC)
    purpose     VARCHAR(16) NOT NULL,
    kid         INTEGER     NOT NULL,
    check_value CHAR(64)    NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (purpose, kid)
);

-- A visitor's saved companions (同行人员), each a person of their own.
CREATE TABLE person_companion (
    owner_id     BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    companion_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    added_at     BIGINT NOT NULL,
    PRIMARY KEY (owner_id, companion_id),
    CHECK (owner_id <> companion_id)
);
