package org.jiaxing.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * SQLite: one prepared statement, large transactions, no journal and no fsync while loading (a crash during
 * the load means generating again, which is fine for a benchmark set), indexes created after the rows, then
 * statistics and back to WAL as the application expects.
 */
final class SqliteCity extends CityDatabase {

    private static final String INSERT_CHECKIN = "INSERT INTO checkin (id, person_id, venue_id, checked_in_at, "
            + "checked_out_at, refused, channel, created_at) VALUES (?, ?, ?, ?, ?, 0, 1, ?)";

    private static final int BATCH = 10_000;

    SqliteCity(Connection connection) throws SQLException {
        super(connection);
        execute("PRAGMA journal_mode = OFF");
        execute("PRAGMA synchronous = OFF");
        execute("PRAGMA cache_size = -1000000");
        execute("PRAGMA temp_store = MEMORY");
        execute("PRAGMA threads = 2");
        execute("PRAGMA locking_mode = EXCLUSIVE");
    }

    @Override
    void insertPersons(List<PersonRecords.Person> persons) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person (id, name_enc, phone_enc, "
                + "id_number_enc, id_number_index, phone_index, phone_set_at, registered_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PersonRecords.Person p : persons) {
                insert.setLong(1, p.id());
                insert.setString(2, p.nameEnc());
                insert.setString(3, p.phoneEnc());
                insert.setString(4, p.idNumberEnc());
                insert.setString(5, p.idNumberIndex());
                insert.setString(6, p.phoneIndex());
                if (p.phoneEnc() == null) {
                    insert.setNull(7, Types.BIGINT);
                } else {
                    insert.setLong(7, p.registeredAt());
                }
                insert.setLong(8, p.registeredAt());
                insert.setLong(9, p.registeredAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    @Override
    void beginCheckins() throws SQLException {
        connection.setAutoCommit(true);
        execute("DROP INDEX IF EXISTS checkin_venue_time");
        execute("DROP INDEX IF EXISTS checkin_person_time");
        connection.setAutoCommit(false);
    }

    @Override
    void writeDay(DayRows rows, long firstId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHECKIN)) {
            for (int i = 0; i < rows.size; i++) {
                insert.setLong(1, firstId + i);
                insert.setLong(2, rows.person[i]);
                insert.setLong(3, rows.venue[i]);
                insert.setLong(4, rows.in[i]);
                if (rows.out[i] == 0) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, rows.out[i]);
                }
                insert.setLong(6, rows.in[i]);
                // one native call per batch instead of one per row
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    @Override
    void finishCheckins(long lastId, Progress progress) throws SQLException {
        long started = System.nanoTime();
        execute("CREATE INDEX checkin_venue_time ON checkin (venue_id, checked_in_at)");
        progress.log("index checkin_venue_time in %.1f s", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        execute("CREATE INDEX checkin_person_time ON checkin (person_id, checked_in_at)");
        progress.log("index checkin_person_time in %.1f s", (System.nanoTime() - started) / 1e9);
        connection.commit();
        connection.setAutoCommit(true);
        started = System.nanoTime();
        // a sample is enough for the planner; a full ANALYZE reads every index of 50M rows
        execute("PRAGMA analysis_limit = 2000");
        execute("ANALYZE");
        progress.log("ANALYZE in %.1f s", (System.nanoTime() - started) / 1e9);
        execute("PRAGMA locking_mode = NORMAL");
        execute("PRAGMA journal_mode = WAL");
    }
}
