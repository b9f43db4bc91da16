-- The audit trail: append-only, hash-chained (see org.jiaxing.audit and docs/SECURITY-persons.md).
-- Each entry stores the hash of the entry before it; hash = SHA-256 over (version, seq, prev_hash,
-- recorded_at, actor, action, subject_type, subject_id, reason, detail). No personal data in clear text.
CREATE TABLE audit_entry (
    -- 1, 2, 3 … without gaps, assigned under the lock of audit_head
    seq          BIGINT        PRIMARY KEY,
    recorded_at  BIGINT        NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    subject_type VARCHAR(32)   NOT NULL,
    subject_id   VARCHAR(64)   NOT NULL,
    reason       VARCHAR(500),
    detail       VARCHAR(1000),
    -- lower-case hex SHA-256; the first entry points at 64 zeros
    prev_hash    CHAR(64)      NOT NULL,
    hash         CHAR(64)      NOT NULL UNIQUE
);

CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, seq);

-- The end of the chain, one row. Appending updates it first, which locks it until commit, so appends
-- from any number of threads or servers queue up instead of forking the chain; verification compares
-- the last entry with it, so entries cut from the end are noticed too.
CREATE TABLE audit_head (
    id   INTEGER  PRIMARY KEY CHECK (id = 1),
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
