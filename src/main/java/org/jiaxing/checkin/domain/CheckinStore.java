package org.jiaxing.checkin.domain;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.shared.persistence.Database;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writer's SQL. Every method runs inside the writer's transaction; nothing here commits. Ids come
 * from {@link CheckinIds}. Inserts are one JDBC batch on SQLite (in-process, so a batch costs no round
 * trips) and one {@code INSERT … SELECT FROM unnest(arrays)} statement on PostgreSQL (one round trip and
 * one statement execution for the whole batch, instead of one per row).
 */
@Repository
class CheckinStore {

    private static final String INSERT = """
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id,
                                 created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * PostgreSQL: the inserts and the extensions of a batch in one statement (one round trip; atomic even
     * in autocommit). The update cannot see rows of the insert, which is why a stay extended within its
     * own batch carries its last-seen time in the insert (see BatchPlan).
     */
    private static final String WRITE_UNNEST = """
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
    // checked_in_at lets PostgreSQL go straight to the right partition
    private static final String EXTEND = """
            UPDATE checkin SET last_seen_at = ?
            WHERE id = ? AND checked_in_at = ? AND (last_seen_at IS NULL OR last_seen_at < ?)""";
    private static final String CHECK_OUT = """
            UPDATE checkin SET checked_out_at = CASE WHEN checked_in_at > :at THEN checked_in_at ELSE :at END
            WHERE id = :id AND person_id = :person AND checked_out_at IS NULL AND refused = 0
            RETURNING\s""" + CheckinRows.COLUMNS;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Database database;

    CheckinStore(JdbcTemplate jdbcTemplate, Database database) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.database = database;
    }

    /**
     * A new row: the check-in with the id the writer gave it.
     *
     * @param lastSeenAt a duplicate scan of the same batch already extended it; 0 when not
     */
    record NewRow(long id, NewCheckin checkin, long createdAt, long lastSeenAt) {

        NewRow seenAt(long at) {
            return new NewRow(id, checkin, createdAt, Math.max(lastSeenAt, at));
        }
    }

    /**
     * Whether {@link #writeAll} is a single statement, and so atomic without a transaction around it
     * (PostgreSQL): then a batch of check-ins costs one round trip and commits with it.
     */
    boolean writesBatchInOneStatement() {
        return !database.isSqlite();
    }

    /** The new rows and the extended stays of one batch. */
    void writeAll(List<NewRow> rows, List<Extension> extensions) {
        if (database.isSqlite()) {
            insertAll(rows);
            extendAll(extensions);
        } else if (!rows.isEmpty() || !extensions.isEmpty()) {
            writeUnnest(rows, extensions);
        }
    }

    void insertAll(List<NewRow> rows) {
        if (!rows.isEmpty()) {
            insertBatch(rows);
        }
    }

    private void writeUnnest(List<NewRow> rows, List<Extension> extensions) {
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
            NewRow row = rows.get(i);
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
        Long[] extendedIds = extensions.stream().map(Extension::id).toArray(Long[]::new);
        Long[] extendedCheckins = extensions.stream().map(Extension::checkedInAt).toArray(Long[]::new);
        Long[] extendedTo = extensions.stream().map(Extension::lastSeenAt).toArray(Long[]::new);
        jdbcTemplate.query(connection -> {
            PreparedStatement write = connection.prepareStatement(WRITE_UNNEST);
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

    private void insertBatch(List<NewRow> rows) {
        jdbcTemplate.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewRow row = rows.get(i);
                NewCheckin checkin = row.checkin();
                ps.setLong(1, row.id());
                ps.setLong(2, checkin.personId());
                ps.setLong(3, checkin.venueId());
                ps.setLong(4, checkin.at().toEpochMilli());
                if (row.lastSeenAt() == 0) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, row.lastSeenAt());
                }
                ps.setInt(6, checkin.refused() ? 1 : 0);
                ps.setInt(7, checkin.channel().code());
                if (checkin.deviceId() == null) {
                    ps.setNull(8, Types.VARCHAR);
                } else {
                    ps.setString(8, checkin.deviceId());
                }
                ps.setLong(9, row.createdAt());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** A duplicate scan extends the stay of check-in {@code id} to {@code lastSeenAt}. */
    record Extension(long id, long checkedInAt, long lastSeenAt) {
    }

    private void extendAll(List<Extension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(EXTEND, extensions, extensions.size(), (ps, extension) -> {
            ps.setLong(1, extension.lastSeenAt());
            ps.setLong(2, extension.id());
            ps.setLong(3, extension.checkedInAt());
            ps.setLong(4, extension.lastSeenAt());
        });
    }

    /** Checks out the person's own open, accepted check-in; empty when that is not the case. */
    Optional<Checkin> checkOut(long id, long personId, long at) {
        return jdbc.sql(CHECK_OUT).param("at", at).param("id", id).param("person", personId)
                .query(CheckinRows::checkin).optional();
    }

    Optional<Checkin> find(long id) {
        return jdbc.sql("SELECT " + CheckinRows.COLUMNS + " FROM checkin WHERE id = :id").param("id", id)
                .query(CheckinRows::checkin).optional();
    }
}
