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
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, refused, channel, device_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_UNNEST = """
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, refused, channel, device_id, created_at)
            SELECT id, person_id, venue_id, checked_in_at, refused, channel, device_id, created_at
            FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[], ?::smallint[],
                        ?::varchar[], ?::bigint[])
                 AS r (id, person_id, venue_id, checked_in_at, refused, channel, device_id, created_at)""";
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

    /** A new row: the check-in with the id the writer gave it. */
    record NewRow(long id, NewCheckin checkin, long createdAt) {
    }

    void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (database.isSqlite()) {
            insertBatch(rows);
        } else {
            insertUnnest(rows);
        }
    }

    private void insertUnnest(List<NewRow> rows) {
        int size = rows.size();
        Long[] ids = new Long[size];
        Long[] persons = new Long[size];
        Long[] venues = new Long[size];
        Long[] times = new Long[size];
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
            refused[i] = (short) (checkin.refused() ? 1 : 0);
            channels[i] = (short) checkin.channel().code();
            devices[i] = checkin.deviceId();
            created[i] = row.createdAt();
        }
        jdbcTemplate.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_UNNEST);
            insert.setArray(1, connection.createArrayOf("int8", ids));
            insert.setArray(2, connection.createArrayOf("int8", persons));
            insert.setArray(3, connection.createArrayOf("int8", venues));
            insert.setArray(4, connection.createArrayOf("int8", times));
            insert.setArray(5, connection.createArrayOf("int2", refused));
            insert.setArray(6, connection.createArrayOf("int2", channels));
            insert.setArray(7, connection.createArrayOf("varchar", devices));
            insert.setArray(8, connection.createArrayOf("int8", created));
            return insert;
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
                ps.setInt(5, checkin.refused() ? 1 : 0);
                ps.setInt(6, checkin.channel().code());
                if (checkin.deviceId() == null) {
                    ps.setNull(7, Types.VARCHAR);
                } else {
                    ps.setString(7, checkin.deviceId());
                }
                ps.setLong(8, row.createdAt());
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

    void extendAll(List<Extension> extensions) {
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
