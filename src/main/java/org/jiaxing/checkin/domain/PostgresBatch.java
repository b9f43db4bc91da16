package org.jiaxing.checkin.domain;

import java.sql.PreparedStatement;
import java.util.List;
import org.jiaxing.checkin.NewCheckin;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole batch of check-ins as one PostgreSQL statement: the columns travel as arrays and
 * {@code unnest} turns them back into rows. One round trip and one statement execution, whatever the
 * batch size (a JDBC batch would execute the insert once per row), and atomic on its own.
 */
final class PostgresBatch {

    /**
     * The inserts and the extended stays of a batch. The update cannot see the rows of the insert (one
     * snapshot per statement), which is why a stay extended within its own batch carries its last-seen
     * time in the insert (see BatchPlan).
     */
    private static final String WRITE = """
            WITH inserted AS (
                INSERT INTO checkin (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel,
                                     device_id, created_at)
                SELECT id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id, created_at
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[],
                            ?::smallint[], ?::varchar[], ?::bigint[])
                     AS r (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id,
                           created_at)
                RETURNING 1
            ), extended AS (
                UPDATE checkin c SET last_seen_at = e.last_seen_at
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS e (id, checked_in_at, last_seen_at)
                WHERE c.id = e.id AND c.checked_in_at = e.checked_in_at
                  AND (c.last_seen_at IS NULL OR c.last_seen_at < e.last_seen_at)
                RETURNING 1
            )
            SELECT (SELECT COUNT(*) FROM inserted), (SELECT COUNT(*) FROM extended)""";

    private PostgresBatch() {
    }

    static void write(JdbcTemplate jdbcTemplate, List<CheckinStore.NewRow> rows,
            List<CheckinStore.Extension> extensions) {
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
        }
        Long[] extendedIds = extensions.stream().map(CheckinStore.Extension::id).toArray(Long[]::new);
        Long[] extendedCheckins = extensions.stream().map(CheckinStore.Extension::checkedInAt).toArray(Long[]::new);
        Long[] extendedTo = extensions.stream().map(CheckinStore.Extension::lastSeenAt).toArray(Long[]::new);
        jdbcTemplate.query(connection -> {
            PreparedStatement write = connection.prepareStatement(WRITE);
            int p = 1;
            write.setArray(p++, connection.createArrayOf("int8", ids));
            write.setArray(p++, connection.createArrayOf("int8", persons));
            write.setArray(p++, connection.createArrayOf("int8", venues));
            write.setArray(p++, connection.createArrayOf("int8", times));
            write.setArray(p++, connection.createArrayOf("int8", lastSeen));
            write.setArray(p++, connection.createArrayOf("int2", refused));
            write.setArray(p++, connection.createArrayOf("int2", channels));
            write.setArray(p++, connection.createArrayOf("varchar", devices));
            write.setArray(p++, connection.createArrayOf("int8", created));
            write.setArray(p++, connection.createArrayOf("int8", extendedIds));
            write.setArray(p++, connection.createArrayOf("int8", extendedCheckins));
            write.setArray(p, connection.createArrayOf("int8", extendedTo));
            return write;
        }, resultSet -> {
            // one row of counts; reading it is what makes the statement run to its end
        });
    }
}
