-- Health status per person (org.jiaxing.health). No row means GREEN. No foreign key to person: persons
-- belong to another module. Reasons are typed by officials; they hold no ID or phone numbers.
CREATE TABLE health_status (
    person_id   BIGINT       PRIMARY KEY,
    colour      VARCHAR(8)   NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    reason      VARCHAR(500) NOT NULL,
    since       BIGINT       NOT NULL,
    -- NULL = open-ended; once passed, the status reads as GREEN (no job needed)
    valid_until BIGINT,
    assigned_by VARCHAR(64)  NOT NULL
);

-- The start-up load of every non-GREEN status into memory.
CREATE INDEX health_status_colour ON health_status (colour);

-- Every assignment ever made, newest read first.
CREATE TABLE health_status_history (
    id              INTEGER      PRIMARY KEY,
    person_id       BIGINT       NOT NULL,
    -- the colour in effect before (GREEN if the earlier status had expired)
    previous_colour VARCHAR(8)   NOT NULL CHECK (previous_colour IN ('GREEN', 'YELLOW', 'RED')),
    colour          VARCHAR(8)   NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    reason          VARCHAR(500) NOT NULL,
    since           BIGINT       NOT NULL,
    valid_until     BIGINT,
    assigned_by     VARCHAR(64)  NOT NULL
);

CREATE INDEX health_status_history_person ON health_status_history (person_id, since);
