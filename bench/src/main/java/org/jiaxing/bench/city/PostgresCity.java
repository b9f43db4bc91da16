package org.jiaxing.bench.city;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: COPY (text format) straight into each day's partition ({@code checkin_pYYYYMMDD}, as the
 * application's DayPartitions names them), the primary key and both indexes dropped before and built after
 * the load, then ANALYZE and the id sequences moved past the loaded rows.
 */
final class PostgresCity extends CityDatabase {

    private static final DateTimeFormatter NAME_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final CopyManager copies;
    private final long backendPid;

    PostgresCity(Connection connection) throws SQLException {
        super(connection);
        this.copies = connection.unwrap(PGConnection.class).getCopyAPI();
        this.backendPid = single("SELECT pg_backend_pid()");
        // losing the last commits in a crash only means generating again
        execute("SET synchronous_commit = off");
        execute("SET maintenance_work_mem = '1GB'");
    }

    /** utime + stime of our backend from /proc (a local server only; parallel index workers not included). */
    @Override
    String serverCpu() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + backendPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ", PostgreSQL backend cpu %.1f s".formatted(ticks / 100);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    void insertPersons(List<PersonRecords.Person> persons) throws SQLException {
        CopyIn copy = copies.copyIn("COPY person (id, name_enc, phone_enc, id_number_enc, id_number_index, "
                + "phone_index, phone_set_at, registered_at, updated_at) FROM STDIN");
        CopyBuffer buffer = new CopyBuffer();
        try {
            for (PersonRecords.Person p : persons) {
                buffer.number(p.id()).tab().text(p.nameEnc()).tab().text(p.phoneEnc()).tab().text(p.idNumberEnc())
                        .tab().text(p.idNumberIndex()).tab().text(p.phoneIndex()).tab();
                if (p.phoneEnc() == null) {
                    buffer.nul();
                } else {
                    buffer.number(p.registeredAt());
                }
                buffer.tab().number(p.registeredAt()).tab().number(p.registeredAt()).endRow(copy);
            }
            buffer.flush(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        execute("SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT MAX(id) FROM person))");
        execute("ANALYZE person");
    }

    @Override
    void beginCheckins() throws SQLException {
        execute("ALTER TABLE checkin DROP CONSTRAINT IF EXISTS checkin_pkey");
        execute("DROP INDEX IF EXISTS checkin_venue_time");
        execute("DROP INDEX IF EXISTS checkin_person_time");
    }

    @Override
    void writeDay(DayRows rows, long firstId) throws SQLException {
        String partition = partition(rows.day);
        // FREEZE (allowed after a TRUNCATE in the same transaction; the database is fresh): the rows are written
        // frozen and all-visible, so the benchmarks neither set hint bits on first read nor wait for autovacuum
        connection.setAutoCommit(false);
        execute("TRUNCATE " + partition);
        CopyIn copy = copies.copyIn("COPY " + partition + " (id, person_id, venue_id, checked_in_at, checked_out_at, "
                + "refused, channel, created_at) FROM STDIN (FREEZE)");
        CopyBuffer buffer = new CopyBuffer();
        try {
            for (int i = 0; i < rows.size; i++) {
                buffer.number(firstId + i).tab().number(rows.person[i]).tab().number(rows.venue[i]).tab()
                        .number(rows.in[i]).tab();
                if (rows.out[i] == 0) {
                    buffer.nul();
                } else {
                    buffer.number(rows.out[i]);
                }
                buffer.tab().number(0).tab().number(1).tab().number(rows.in[i]).endRow(copy);
            }
            buffer.flush(copy);
            copy.endCopy();
            connection.commit();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The day's partition; created like DayPartitions does when the application did not (a longer period). */
    private String partition(LocalDate day) throws SQLException {
        String name = "checkin_p" + NAME_DAY.format(day);
        ZoneId zone = ZoneId.of(GenerateCity.ZONE);
        execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF checkin FOR VALUES FROM ("
                + day.atStartOfDay(zone).toInstant().toEpochMilli() + ") TO ("
                + day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() + ")");
        return name;
    }

    @Override
    void finishCheckins(long lastId, Progress progress) throws SQLException {
        // the leader and one worker: this machine has two cores
        execute("SET max_parallel_maintenance_workers = 1");
        long started = System.nanoTime();
        execute("ALTER TABLE checkin ADD PRIMARY KEY (id, checked_in_at)");
        progress.log("primary key in %.1f s", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        execute("CREATE INDEX checkin_venue_time ON checkin (venue_id, checked_in_at)");
        progress.log("index checkin_venue_time in %.1f s", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        execute("CREATE INDEX checkin_person_time ON checkin (person_id, checked_in_at)");
        progress.log("index checkin_person_time in %.1f s", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        execute("ANALYZE checkin");
        progress.log("ANALYZE in %.1f s", (System.nanoTime() - started) / 1e9);
        execute("SELECT setval('checkin_id_seq', " + Math.max(1, lastId) + ")");
    }
}
