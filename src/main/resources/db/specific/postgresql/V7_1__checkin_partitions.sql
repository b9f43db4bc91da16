-- On PostgreSQL the check-in table is partitioned by day of check-in (days of jiaxing.zone), so that the
-- retention purge drops whole days instead of deleting millions of rows. The table of V7 is still empty
-- here, so it is simply replaced. Day partitions are created ahead by the application
-- (checkin.domain.DayPartitions: the retention period back and a week ahead); the default partition only
-- catches rows outside them and is purged by range.
DROP TABLE checkin;

-- Ids come from this sequence on every path: the check-in writer takes a block per batch with
-- nextval (so batched inserts need no RETURNING), single-row inserts use the default.
CREATE SEQUENCE checkin_id_seq AS BIGINT;

CREATE TABLE checkin (
    id             BIGINT   NOT NULL DEFAULT nextval('checkin_id_seq'),
    person_id      BIGINT   NOT NULL,
    venue_id       BIGINT   NOT NULL,
    checked_in_at  BIGINT   NOT NULL,
    checked_out_at BIGINT,
    last_seen_at   BIGINT,
    refused        SMALLINT NOT NULL CHECK (refused IN (0, 1)),
    channel        SMALLINT NOT NULL CHECK (channel BETWEEN 1 AND 5),
    device_id      VARCHAR(64),
    created_at     BIGINT   NOT NULL,
    -- a unique key of a partitioned table must contain the partition key
    PRIMARY KEY (id, checked_in_at)
) PARTITION BY RANGE (checked_in_at);

ALTER SEQUENCE checkin_id_seq OWNED BY checkin.id;

CREATE TABLE checkin_default PARTITION OF checkin DEFAULT;

CREATE INDEX checkin_venue_time ON checkin (venue_id, checked_in_at);
CREATE INDEX checkin_person_time ON checkin (person_id, checked_in_at);
