-- Check-ins: the only large table (28 days x 1.5-3M rows a day for one city), so rows are kept small:
-- numbers only, except the rarely set device id. Written only by the check-in writer (group commit),
-- which also assigns the ids (see CheckinStore); PostgreSQL replaces this table with a day-partitioned
-- one in db/specific/postgresql/V7_1.
--   channel: 1 SCAN, 2 ASSISTED, 3 COMPANION, 4 API, 5 IMPORT (CheckinChannel.code(); never reuse a number)
--   refused: 1 when the person was turned away (RED/YELLOW); such rows are never deduplicated
--   last_seen_at: latest scan folded into this check-in as a duplicate (the stay extended); NULL if none
-- No foreign keys: persons and venues belong to other modules, and the write path must not pay for them.
CREATE TABLE checkin (
    id             INTEGER  PRIMARY KEY,
    person_id      BIGINT   NOT NULL,
    venue_id       BIGINT   NOT NULL,
    checked_in_at  BIGINT   NOT NULL,
    checked_out_at BIGINT,
    last_seen_at   BIGINT,
    refused        SMALLINT NOT NULL CHECK (refused IN (0, 1)),
    channel        SMALLINT NOT NULL CHECK (channel BETWEEN 1 AND 5),
    device_id      VARCHAR(64),
    created_at     BIGINT   NOT NULL
);

-- The two access paths: who was at venue V in window T, and where was person P in window T.
CREATE INDEX checkin_venue_time ON checkin (venue_id, checked_in_at);
CREATE INDEX checkin_person_time ON checkin (person_id, checked_in_at);
