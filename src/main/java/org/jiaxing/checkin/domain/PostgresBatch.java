package org.jiaxing.checkin.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaxing.checkin.NewCheckin;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole batch of check-ins as one PostgreSQL statement: the columns travel as arrays and
 * {@code unnest} turns them back into rows. One round trip and one statement execution, whatever the
 * batch size (a JDBC batch would execute the insert once per row), and atomic on its own. A batch that
 * extends or ends no earlier stay (most of them) is a plain {@code INSERT … SELECT * FROM unnest(…)}.
 */
final class PostgresBatch {

    /**
     * The inserts, and the updates of earlier stays: extended to a later last-seen time and/or ended by an
     * imported check-out. The update cannot see the rows of the insert (one snapshot per statement), which
     * is why a stay extended or ended within its own batch carries its last-seen time and check-out in the
     * insert (see BatchPlan). Extension and check-out of the same stay are one update row: a statement must
     * not update a row twice (PostgreSQL would apply only one of the two), so {@link #write} merges them.
     *
     * <p>The last condition, the updated stays' earliest and latest check-in time as two plain values, is implied
     * by the join ({@code c.checked_in_at = u.checked_in_at}) and changes no result. It is there for the planner:
     * times that come out of {@code unnest} are unknown when the statement is planned, so without it the update is
     * planned and its executor set up over every partition (38 with the default retention: ~2-3 ms of the
     * database's CPU per batch, planned anew each time under {@code force_custom_plan}, measured with EXPLAIN
     * ANALYZE); with it, the partitions are pruned at plan time to the one or two days the batch touches (~0.3 ms).
     */
    static final String WRITE = """
            WITH inserted AS (
                INSERT INTO checkin (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel,
                                     device_id, created_at, checked_out_at)
                SELECT id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id, created_at,
                       checked_out_at
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[],
                            ?::smallint[], ?::varchar[], ?::bigint[], ?::bigint[])
                     AS r (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id,
                           created_at, checked_out_at)
                RETURNING 1
            ), updated AS (
                UPDATE checkin c
                SET last_seen_at = CASE
                        WHEN u.last_seen_at IS NOT NULL AND (c.last_seen_at IS NULL OR c.last_seen_at < u.last_seen_at)
                        THEN u.last_seen_at ELSE c.last_seen_at END,
                    checked_out_at = COALESCE(c.checked_out_at, u.checked_out_at)
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                     AS u (id, checked_in_at, last_seen_at, checked_out_at)
                WHERE c.id = u.id AND c.checked_in_at = u.checked_in_at
                  AND c.checked_in_at BETWEEN ? AND ?
                  AND ((u.last_seen_at IS NOT NULL AND (c.last_seen_at IS NULL OR c.last_seen_at < u.last_seen_at))
                       OR (u.checked_out_at IS NOT NULL AND c.checked_out_at IS NULL))
                RETURNING 1
            )
            SELECT (SELECT COUNT(*) FROM inserted), (SELECT COUNT(*) FROM updated)""";

    /** A batch without duplicates of earlier stays (the usual one): the insert alone, no CTE, no update. */
    private static final String INSERT = """
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id,
                                 created_at, checked_out_at)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[],
                                 ?::smallint[], ?::varchar[], ?::bigint[], ?::bigint[])""";

    private PostgresBatch() {
    }

    /** One update of an earlier stay; either time may be null (not changed by this batch). */
    private record Update(long id, long checkedInAt, Long lastSeenAt, Long checkedOutAt) {
    }

    static void write(JdbcTemplate jdbcTemplate, List<CheckinStore.NewRow> rows,
            List<CheckinStore.Extension> extensions, List<CheckinStore.Closure> closures) {
        int size = rows.size();
        Long[] ids = new Long[size];
        Long[] persons = new Long[size];
        Long[] venues = new Long[size];
        Long[] times = new Long[size];
        Long[] lastSeen = new Long[size];
        Short[] refused = new Short[size];
        Short[] channels = new Short[size];
        String[] devices = new String[size];
        Long[] created = new Long[size];
        Long[] checkedOut = new Long[size];
        for (int i = 0; i < size; i++) {
            CheckinStore.NewRow row = rows.get(i);
            NewCheckin checkin = row.checkin();
            ids[i] = row.id();
            persons[i] = checkin.personId();
            venues[i] = checkin.venueId();
            times[i] = checkin.at().toEpochMilli();
            lastSeen[i] = row.lastSeenAt() == 0 ? null : row.lastSeenAt();
            refused[i] = (short) (checkin.refused() ? 1 : 0);
            channels[i] = (short) checkin.channel().code();
            devices[i] = checkin.deviceId();
            created[i] = row.createdAt();
            checkedOut[i] = checkin.checkedOutAt() == null ? null : checkin.checkedOutAt().toEpochMilli();
        }
        boolean insertOnly = extensions.isEmpty() && closures.isEmpty();
        if (insertOnly) {
            jdbcTemplate.update(connection -> {
                PreparedStatement insert = connection.prepareStatement(INSERT);
                setRows(connection, insert, ids, persons, venues, times, lastSeen, refused, channels, devices, created,
                        checkedOut);
                return insert;
            });
            return;
        }
        List<Update> updates = updates(extensions, closures);
        Long[] updatedIds = updates.stream().map(Update::id).toArray(Long[]::new);
        Long[] updatedCheckins = updates.stream().map(Update::checkedInAt).toArray(Long[]::new);
        Long[] updatedLastSeen = updates.stream().map(Update::lastSeenAt).toArray(Long[]::new);
        Long[] updatedCheckedOut = updates.stream().map(Update::checkedOutAt).toArray(Long[]::new);
        long earliest = updates.stream().mapToLong(Update::checkedInAt).min().orElseThrow();
        long latest = updates.stream().mapToLong(Update::checkedInAt).max().orElseThrow();
        jdbcTemplate.query(connection -> {
            PreparedStatement write = connection.prepareStatement(WRITE);
            int p = setRows(connection, write, ids, persons, venues, times, lastSeen, refused, channels, devices,
                    created, checkedOut);
            write.setArray(p++, connection.createArrayOf("int8", updatedIds));
            write.setArray(p++, connection.createArrayOf("int8", updatedCheckins));
            write.setArray(p++, connection.createArrayOf("int8", updatedLastSeen));
            write.setArray(p++, connection.createArrayOf("int8", updatedCheckedOut));
            write.setLong(p++, earliest);
            write.setLong(p, latest);
            return write;
        }, resultSet -> {
            // one row of counts; reading it is what makes the statement run to its end
        });
    }

    /** The new rows' columns as the first ten parameters; returns the next parameter's index. */
    private static int setRows(Connection connection, PreparedStatement statement, Long[] ids, Long[] persons,
            Long[] venues, Long[] times, Long[] lastSeen, Short[] refused, Short[] channels, String[] devices,
            Long[] created, Long[] checkedOut) throws SQLException {
        int p = 1;
        statement.setArray(p++, connection.createArrayOf("int8", ids));
        statement.setArray(p++, connection.createArrayOf("int8", persons));
        statement.setArray(p++, connection.createArrayOf("int8", venues));
        statement.setArray(p++, connection.createArrayOf("int8", times));
        statement.setArray(p++, connection.createArrayOf("int8", lastSeen));
        statement.setArray(p++, connection.createArrayOf("int2", refused));
        statement.setArray(p++, connection.createArrayOf("int2", channels));
        statement.setArray(p++, connection.createArrayOf("varchar", devices));
        statement.setArray(p++, connection.createArrayOf("int8", created));
        statement.setArray(p++, connection.createArrayOf("int8", checkedOut));
        return p;
    }

    /** Extensions and check-outs merged per stay, so that the update touches each row once. */
    private static List<Update> updates(List<CheckinStore.Extension> extensions,
            List<CheckinStore.Closure> closures) {
        Map<Long, Update> byId = new LinkedHashMap<>();
        for (CheckinStore.Extension extension : extensions) {
            byId.merge(extension.id(),
                    new Update(extension.id(), extension.checkedInAt(), extension.lastSeenAt(), null),
                    (known, added) -> new Update(known.id(), known.checkedInAt(), added.lastSeenAt(),
                            known.checkedOutAt()));
        }
        for (CheckinStore.Closure closure : closures) {
            byId.merge(closure.id(), new Update(closure.id(), closure.checkedInAt(), null, closure.checkedOutAt()),
                    (known, added) -> new Update(known.id(), known.checkedInAt(), known.lastSeenAt(),
                            added.checkedOutAt()));
        }
        return List.copyOf(byId.values());
    }
}
