-- Which keys a person row is under, so that keys can be rotated while the server runs (docs/SECURITY.md,
-- "Rotating the person keys"). data_kid: the data key that encrypted all three *_enc fields of the row;
-- index_kid: the index key that computed both *_index values. Every write seals the whole row with the
-- current keys; the background re-keying rewrites the rest. Rows written before this existed used key 1.
ALTER TABLE person ADD COLUMN data_kid SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN index_kid SMALLINT NOT NULL DEFAULT 1;

-- the start-up check and the progress figure count rows per key pair (an index-only scan)
CREATE INDEX person_key_ids ON person (data_kid, index_kid);
