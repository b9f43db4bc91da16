package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes check-ins older than {@code jiaxing.checkin.retention} (28 days), daily at night. On
 * PostgreSQL whole day partitions are dropped first, so only the boundary day (and the default
 * partition) is deleted by range. On SQLite rows are deleted venue by venue in chunks of
 * {@code purge-chunk} rows, each its own short transaction, so the check-in writer never waits long
 * for the database's single write lock.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final Database database;
    private final VenueWalk venues;
    private final DayPartitions partitions;
    private final Clock clock;
    private final CheckinProperties properties;
    private final CheckinPresenceIndex presences;

    RetentionPurge(JdbcClient jdbc, Database database, VenueWalk venues, DayPartitions partitions, Clock clock,
            CheckinProperties properties, CheckinPresenceIndex presences) {
        this.jdbc = jdbc;
        this.presences = presences;
        this.database = database;
        this.venues = venues;
        this.partitions = partitions;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(cron = "${jiaxing.checkin.purge-cron:0 17 3 * * *}", zone = "${jiaxing.zone:Asia/Shanghai}")
    void nightly() {
        purge();
    }

    /** Deletes every check-in that checked in before now minus the retention; returns the rows deleted by range. */
    long purge() {
        // a whole second: the presence index keeps seconds, and must drop exactly what the table drops
        Instant cutoff = clock.instant().minus(properties.retention()).truncatedTo(ChronoUnit.SECONDS);
        int droppedDays = partitions.dropBefore(cutoff);
        long deleted = database.isSqlite() ? deleteInChunks(cutoff.toEpochMilli()) : deleteRange(cutoff.toEpochMilli());
        presences.purged(cutoff.toEpochMilli());
        log.info("Check-in retention: {} day partitions dropped, {} rows deleted (checked in before {})", droppedDays,
                deleted, cutoff);
        return deleted;
    }

    private long deleteRange(long cutoff) {
        return jdbc.sql("DELETE FROM checkin WHERE checked_in_at < :cutoff").param("cutoff", cutoff).update();
    }

    private long deleteInChunks(long cutoff) {
        long[] deleted = {0};
        venues.forEachVenue(venueId -> {
            int chunk;
            do {
                chunk = jdbc.sql("""
                        DELETE FROM checkin WHERE id IN (
                            SELECT id FROM checkin WHERE venue_id = :venue AND checked_in_at < :cutoff LIMIT :limit)""")
                        .param("venue", venueId).param("cutoff", cutoff).param("limit", properties.purgeChunk())
                        .update();
                deleted[0] += chunk;
            } while (chunk == properties.purgeChunk());
        });
        return deleted[0];
    }
}
