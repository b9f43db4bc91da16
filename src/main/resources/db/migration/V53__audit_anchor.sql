-- Where verification of the audit chain starts once old entries have been purged (jiaxing.audit.retention):
-- the sequence and hash of the last purged entry. Seq 0 and 64 zeros mean "nothing purged yet", i.e. the
-- genesis hash the first entry points at. The anchor only moves forward and only onto an existing entry
-- (vendor triggers), and the append-only triggers allow deleting exactly the entries at or below it, so a
-- purge can never leave a chain that does not verify.
CREATE TABLE audit_anchor (
    id        INTEGER  PRIMARY KEY CHECK (id = 1),
    seq       BIGINT   NOT NULL,
    hash      CHAR(64) NOT NULL,
    -- when the anchor last moved (epoch millis); NULL until the first purge
    purged_at BIGINT
);

INSERT INTO audit_anchor (id, seq, hash, purged_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
