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
 * The writer's SQL. Every method runs inside the writer's transaction; nothing here commits.
 *
 * <p>Ids: batched inserts cannot use {@code INSERT … RETURNING id}, so the writer takes the ids of a batch
 * first, inside its transaction. On SQLite that is {@code MAX(id) + 1 …}: the transaction is
 * {@code BEGIN IMMEDIATE} (see the JDBC URL), so it holds the database's only write lock from its first
 * statement and no one can insert in between (and if a URL without it lets a writer slip in, SQLite
 * fails the stale transaction rather than let two rows share an id). On PostgreSQL it is a block of
 * {@code nextval}s from {@code checkin_id_seq}, which is safe for any number of writers. Either way the
 * single-row insert of the naive benchmark path (database-assigned id) can coexist with the writer.
 */
@Repository
class CheckinStore {

    private static final String INSERT = """
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, refused, channel, device_id, created_at,
                                 checked_out_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // checked_in_at lets PostgreSQL go straight to the right partition
    private static final String EXTEND = """
            UPDATE checkin SET last_seen_at = ?
            WHERE id = ? AND checked_in_at = ? AND (last_seen_at IS NULL OR last_seen_at < ?)""";
    private static final String CLOSE = """
            UPDATE checkin SET checked_out_at = ?
            WHERE id = ? AND checked_in_at = ? AND checked_out_at IS NULL""";
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

    /** {@code count} fresh ids, taken inside the caller's transaction (see the class comment). */
    long[] allocateIds(int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        if (database.isSqlite()) {
            long max = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM checkin").query(Long.class).single();
            for (int i = 0; i < count; i++) {
                ids[i] = max + 1 + i;
            }
        } else {
            List<Long> taken = jdbc.sql("SELECT nextval('checkin_id_seq') FROM generate_series(1, :count)")
                    .param("count", count).query(Long.class).list();
            for (int i = 0; i < count; i++) {
                ids[i] = taken.get(i);
            }
        }
        return ids;
    }

    /** A new row: the check-in with the id the writer gave it. */
    record NewRow(long id, NewCheckin checkin, long createdAt) {
    }

    void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
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
                if (checkin.checkedOutAt() == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, checkin.checkedOutAt().toEpochMilli());
                }
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

    /** An open stay ended by an imported visit that was folded into it (see {@link BatchPlan}). */
    record Closure(long id, long checkedInAt, long checkedOutAt) {
    }

    /** A stay that was checked out in the meantime keeps its first check-out. */
    void closeAll(List<Closure> closures) {
        if (closures.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(CLOSE, closures, closures.size(), (ps, closure) -> {
            ps.setLong(1, closure.checkedOutAt());
            ps.setLong(2, closure.id());
            ps.setLong(3, closure.checkedInAt());
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
