package org.jiaxing.checkin.domain;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.shared.persistence.Database;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writer's SQL. Nothing here commits: the writer runs it in its transaction, or, for a PostgreSQL
 * batch without check-out commands, as one autocommitted statement (which includes the stays ended by an
 * imported check-out, see {@link Closure}). Ids come from {@link CheckinIds}. A batch is
 * one JDBC batch of inserts and one of updates on SQLite (in-process, so batches cost no round trips) and
 * one statement on PostgreSQL ({@link PostgresBatch}).
 */
@Repository
class CheckinStore {

    private static final String INSERT = """
            INSERT INTO checkin (id, person_id, venue_id, checked_in_at, last_seen_at, refused, channel, device_id,
                                 created_at, checked_out_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
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

    /**
     * A new row: the check-in with the id the writer gave it.
     *
     * @param lastSeenAt a duplicate scan of the same batch already extended it; 0 when not
     */
    record NewRow(long id, NewCheckin checkin, long createdAt, long lastSeenAt) {

        NewRow seenAt(long at) {
            return new NewRow(id, checkin, createdAt, Math.max(lastSeenAt, at));
        }

        /**
         * The row inserted already checked out at {@code out} (epoch millis, after its check-in): a duplicate
         * of the same batch brought a check-out (see {@link BatchPlan}).
         */
        NewRow closedAt(long out) {
            return new NewRow(id, checkin.withCheckOutAt(DbTime.fromDb(out)), createdAt, lastSeenAt);
        }
    }

    /** WAL pages after which the writer's own SQLite connection checkpoints itself (see {@link WalCheckpoints}). */
    static final int WRITER_AUTOCHECKPOINT_PAGES = 20_000;

    /** Settings of the connection the writer keeps: on SQLite it leaves checkpoints to {@link WalCheckpoints}. */
    void tuneWriterConnection(java.sql.Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            if (database.isSqlite()) {
                statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_AUTOCHECKPOINT_PAGES);
            } else {
                // The writer keeps this connection for hours and runs the same few statements; a generic plan
                // cached while today's partition was empty (a sequential scan is right for an empty table) is
                // kept until the partition is analyzed, and then scans millions of rows per batch. Plan each
                // execution with its actual values instead (partitions pruned at plan time; a few ms at most).
                statement.execute("SET plan_cache_mode = force_custom_plan");
            }
        }
    }

    /** Back to the default before the connection returns to the pool. */
    void resetWriterConnection(java.sql.Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(database.isSqlite() ? "PRAGMA wal_autocheckpoint = 1000" : "RESET plan_cache_mode");
        }
    }

    /** The DataSource this store's statements use (the writer binds its own connection for it). */
    javax.sql.DataSource dataSource() {
        return jdbcTemplate.getDataSource();
    }

    /**
     * Whether {@link #writeAll} is a single statement, and so atomic without a transaction around it
     * (PostgreSQL): then a batch of check-ins costs one round trip and commits with it.
     */
    boolean writesBatchInOneStatement() {
        return !database.isSqlite();
    }

    /** The new rows, the extended stays and the stays ended by an imported check-out of one batch. */
    void writeAll(List<NewRow> rows, List<Extension> extensions, List<Closure> closures) {
        if (database.isSqlite()) {
            insertAll(rows);
            extendAll(extensions);
            closeAll(closures);
        } else if (!rows.isEmpty() || !extensions.isEmpty() || !closures.isEmpty()) {
            PostgresBatch.write(jdbcTemplate, rows, extensions, closures);
        }
    }

    void insertAll(List<NewRow> rows) {
        if (!rows.isEmpty()) {
            insertBatch(rows);
        }
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
                if (checkin.checkedOutAt() == null) {
                    ps.setNull(10, Types.BIGINT);
                } else {
                    ps.setLong(10, checkin.checkedOutAt().toEpochMilli());
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

    /** An open stay ended by an imported visit that was folded into it (see {@link BatchPlan}). */
    record Closure(long id, long checkedInAt, long checkedOutAt) {
    }

    /** A stay that was checked out in the meantime keeps its first check-out. */
    private void closeAll(List<Closure> closures) {
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
