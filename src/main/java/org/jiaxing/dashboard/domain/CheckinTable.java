package org.jiaxing.dashboard.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only place the dashboard reads the check-in table: a rebuild. It aggregates in the database (per
 * venue and hour of the zone) and reads refused rows one by one (rare), inside the caller's read
 * transaction so that the high-water mark and the aggregates come from one snapshot. Read-only, and only
 * the columns whose meaning the check-in module documents in V7 (a deliberate exception to "modules talk
 * through their API": docs/DECISIONS.md).
 */
@Repository
class CheckinTable {

    private static final long HOUR = 3_600_000L;

    record HourGroup(long venueId, Instant hourStart, long checkins, long refused) {
    }

    record RefusedRow(long id, long personId, long venueId, Instant at) {
    }

    private final JdbcClient jdbc;

    CheckinTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM checkin").query(Long.class).single();
    }

    /**
     * Counts per venue and hour of {@code zone} of check-ins with id up to {@code maxId} since {@code from}.
     * Hours are grouped in SQL by shifting with the zone's offset (fixed-offset zones such as Asia/Shanghai).
     */
    void hourGroups(long maxId, Instant from, ZoneId zone, Consumer<HourGroup> each) {
        long offset = zone.getRules().getOffset(from).getTotalSeconds() * 1000L;
        // numbers, not parameters: PostgreSQL matches a grouped expression only if it is written identically
        String bucket = "(checked_in_at + " + offset + ") / " + HOUR;
        jdbc.sql("SELECT venue_id, " + bucket + " AS bucket, COUNT(*) AS n, SUM(refused) AS r"
                        + " FROM checkin WHERE id <= :max AND checked_in_at >= :from GROUP BY venue_id, " + bucket)
                .param("max", maxId).param("from", DbTime.toDb(from))
                .query(rs -> {
                    each.accept(new HourGroup(rs.getLong("venue_id"),
                            DbTime.fromDb(rs.getLong("bucket") * HOUR - offset), rs.getLong("n"), rs.getLong("r")));
                });
    }

    void refused(long maxId, Instant from, Consumer<RefusedRow> each) {
        jdbc.sql("""
                SELECT id, person_id, venue_id, checked_in_at FROM checkin
                WHERE refused = 1 AND id <= :max AND checked_in_at >= :from""")
                .param("max", maxId).param("from", DbTime.toDb(from))
                .query(rs -> {
                    each.accept(new RefusedRow(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("venue_id"),
                            DbTime.fromDb(rs.getLong("checked_in_at"))));
                });
    }
}
