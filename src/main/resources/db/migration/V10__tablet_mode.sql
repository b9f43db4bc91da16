-- Venues whose entrance shows a rotating code on a tablet (anti-remote check-in). A row means enabled.
CREATE TABLE tablet_mode (
    venue_id   BIGINT PRIMARY KEY,
    enabled_by VARCHAR(64) NOT NULL,
    enabled_at BIGINT      NOT NULL
);
