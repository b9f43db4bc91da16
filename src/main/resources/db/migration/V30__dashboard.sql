-- Dashboard rollups (org.jiaxing.dashboard): kept current from CheckinRecorded events and rebuilt from the
-- check-in table on start or on demand, so that no dashboard view reads the check-in table.
-- Counts are of new check-ins (duplicates folded into a stay are not counted again); "refused" is the part
-- that was turned away, split into YELLOW and RED (see docs/DECISIONS.md, "Dashboard colours").
-- Town and category are copied from the venue when counted (a venue moved to another town keeps its
-- history there until the next rebuild). No foreign keys: venues belong to another module.

-- Per venue per hour (hour_start: epoch millis of the start of the hour in jiaxing.zone).
CREATE TABLE dashboard_venue_hour (
    venue_id      BIGINT      NOT NULL,
    hour_start    BIGINT      NOT NULL,
    town_code     VARCHAR(32) NOT NULL,
    category_code VARCHAR(32) NOT NULL,
    checkins      INTEGER     NOT NULL,
    refused       INTEGER     NOT NULL,
    yellow        INTEGER     NOT NULL,
    red           INTEGER     NOT NULL,
    PRIMARY KEY (venue_id, hour_start)
);
CREATE INDEX dashboard_venue_hour_time ON dashboard_venue_hour (hour_start, town_code);

-- Per venue per day (day: epoch day of the date in jiaxing.zone), for 7- and 28-day views and medians.
CREATE TABLE dashboard_venue_day (
    venue_id      BIGINT      NOT NULL,
    day           INTEGER     NOT NULL,
    town_code     VARCHAR(32) NOT NULL,
    category_code VARCHAR(32) NOT NULL,
    checkins      INTEGER     NOT NULL,
    refused       INTEGER     NOT NULL,
    yellow        INTEGER     NOT NULL,
    red           INTEGER     NOT NULL,
    PRIMARY KEY (venue_id, day)
);
CREATE INDEX dashboard_venue_day_day ON dashboard_venue_day (day, town_code);

-- Per town per hour: the hourly trend of up to 28 days without touching the per-venue rows.
CREATE TABLE dashboard_town_hour (
    town_code  VARCHAR(32) NOT NULL,
    hour_start BIGINT      NOT NULL,
    checkins   INTEGER     NOT NULL,
    refused    INTEGER     NOT NULL,
    yellow     INTEGER     NOT NULL,
    red        INTEGER     NOT NULL,
    PRIMARY KEY (town_code, hour_start)
);

-- Fraud flags raised by the live rules. checkin_ids lists the underlying check-ins (comma-separated,
-- at most 60); person_ids the persons behind them (ids only: identities are never stored here).
--   kind: OUTSIDE_HOURS, NIGHT, BURST, IMPOSSIBLE_TRAVEL, SHARED_DEVICE
CREATE TABLE dashboard_flag (
    id          INTEGER      PRIMARY KEY,
    kind        VARCHAR(24)  NOT NULL,
    venue_id    BIGINT       NOT NULL,
    town_code   VARCHAR(32)  NOT NULL,
    occurred_at BIGINT       NOT NULL,
    person_ids  VARCHAR(2000) NOT NULL,
    checkin_ids VARCHAR(2000) NOT NULL,
    -- numbers explaining the flag (count and limit, km and minutes, identities per device), no names
    detail      VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX dashboard_flag_time ON dashboard_flag (occurred_at, town_code);
