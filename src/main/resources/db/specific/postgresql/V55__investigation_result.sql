-- An investigation's result as one compressed value (org.jiaxing.tracing.domain.ResultCodec): a city-wide second
-- degree has ~100,000 contacts, and writing them as rows took seconds (on SQLite holding its only write lock
-- while every check-in waited). Investigations stored before this migration keep their rows in investigation_contact,
-- investigation_evidence and investigation_presence and are read from there.
CREATE TABLE investigation_result (
    investigation_id BIGINT  PRIMARY KEY REFERENCES investigation (id),
    format           INTEGER NOT NULL,
    contacts         INTEGER NOT NULL,
    body             BYTEA   NOT NULL
);
