package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jiaxing.checkin.CheckinNotRecorded;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.shared.persistence.Database;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Group commit on both databases: many callers share a transaction, a failed transaction leaves
 * nothing behind and tells every caller, one bad row fails alone, and a restart keeps dedup.
 */
abstract class GroupCommitContract {

    @Autowired CheckinRecorder recorder;
    @Autowired WriterStats stats;
    @Autowired MutableClock clock;
    @Autowired DataSource dataSource;
    @Autowired Database database;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired CheckinIds ids;
    @Autowired RecentCheckinsLoader loader;
    @Autowired CheckinPresenceIndex presenceIndex;
    @Autowired DayPartitions partitions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired CheckinEvents events;
    @Autowired CheckinProperties properties;

    final long venue = TestIds.venue();
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");

    @BeforeEach
    void setClock() {
        clock.set(t0);
    }

    @Test
    void concurrentCallersShareTransactions() throws Exception {
        int callers = 64;
        long transactionsBefore = stats.transactions();
        long takenBefore = stats.taken();
        List<Future<CheckinResult>> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try (Connection blocker = dataSource.getConnection()) {
            holdWriteLock(blocker);
            // the first batch waits for the lock; everyone else queues up behind it
            for (long person : IntStream.range(0, callers).mapToLong(i -> TestIds.person()).toArray()) {
                results.add(threads.submit(() -> recorder.record(NewCheckin.scan(person, venue, t0))));
            }
            while (stats.taken() - takenBefore + stats.queueDepth() < callers) {
                Thread.sleep(5);
            }
            blocker.rollback();
        } finally {
            threads.shutdown();
        }
        List<Long> ids = new ArrayList<>();
        for (Future<CheckinResult> result : results) {
            ids.add(result.get().checkin().id());
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(callers);
        assertThat(stats.transactions() - transactionsBefore).as("transactions for %d check-ins", callers)
                .isLessThanOrEqualTo(2);
        assertThat(rowsAt(venue)).isEqualTo(callers);
    }

    @Test
    void theWriterKeepsItsOwnConnectionFromBatchToBatch() {
        recorder.record(NewCheckin.scan(TestIds.person(), venue, t0));
        long taken = stats.ownConnections();
        for (int i = 0; i < 3; i++) {
            recorder.record(NewCheckin.scan(TestIds.person(), venue, t0));
        }

        assertThat(taken).as("connections the writer took for itself").isPositive();
        assertThat(stats.ownConnections()).as("no new one while batches succeed").isEqualTo(taken);
    }

    @Test
    void whenTheDatabaseIsUnavailableEveryCallerGetsTheErrorAtOnceWithoutRetries() {
        AtomicInteger attempts = new AtomicInteger();
        CheckinStore unreachable = new CheckinStore(jdbcTemplate, database) {
            @Override
            void writeAll(List<NewRow> rows, List<Extension> extensions, List<Closure> closures) {
                attempts.incrementAndGet();
                throw new DataAccessResourceFailureException("connection refused");
            }
        };
        List<WriteCommand.Record> commands = List.of(scan(TestIds.person()), scan(TestIds.person()),
                scan(TestIds.person()));

        writerWith(unreachable).handle(List.copyOf(commands));

        for (WriteCommand.Record command : commands) {
            assertThatThrownBy(() -> command.done().get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CheckinNotRecorded.class);
        }
        assertThat(attempts).hasValue(1);
        assertThat(rowsAt(venue)).isZero();
    }

    @Test
    void aTransactionThatFailsAfterWritingRollsBackEveryPartOfTheBatch() {
        long visitor = TestIds.person();
        long checkinId = recorder.record(NewCheckin.scan(visitor, venue, t0)).checkin().id();
        CheckinStore diskFailsBeforeCommit = new CheckinStore(jdbcTemplate, database) {
            @Override
            void writeAll(List<NewRow> rows, List<Extension> extensions, List<Closure> closures) {
                super.writeAll(rows, extensions, closures);
                throw new DataAccessResourceFailureException("disk gone before the commit");
            }
        };
        WriteCommand.Record first = scan(TestIds.person());
        WriteCommand.CheckOut checkOut = new WriteCommand.CheckOut(checkinId, visitor, t0.plusSeconds(60));
        WriteCommand.Record again = scan(TestIds.person());

        writerWith(diskFailsBeforeCommit).handle(List.of(first, checkOut, again));

        for (WriteCommand command : List.of(first, checkOut, again)) {
            assertThatThrownBy(() -> command.done().get()).hasCauseInstanceOf(CheckinNotRecorded.class);
        }
        assertThat(rowsAt(venue)).as("only the check-in from before the batch").isEqualTo(1);
        assertThat(jdbc.sql("SELECT checked_out_at FROM checkin WHERE id = :id").param("id", checkinId)
                .query(Long.class).optional()).as("check-out rolled back").isEmpty();
    }

    @Test
    void oneRowTheDatabaseRejectsFailsAloneAndTheOthersAreWrittenOnce() throws Exception {
        long rejected = TestIds.person();
        WriteCommand.Record good1 = scan(TestIds.person());
        WriteCommand.Record bad = scan(rejected);
        WriteCommand.Record good2 = scan(TestIds.person());
        rejectInsertsOf(rejected);
        try {
            writerWith(new CheckinStore(jdbcTemplate, database)).handle(List.of(good1, bad, good2));
        } finally {
            dropRejection();
        }

        assertThatThrownBy(() -> bad.done().get()).hasCauseInstanceOf(CheckinNotRecorded.class);
        assertThat(good1.done().get().getFirst().duplicate()).isFalse();
        assertThat(good2.done().get().getFirst().duplicate()).isFalse();
        // good1 was inserted by the failed batch attempt too: rolled back, then written once on its own
        assertThat(jdbc.sql("SELECT person_id FROM checkin WHERE venue_id = :venue ORDER BY id").param("venue", venue)
                .query(Long.class).list())
                .containsExactly(good1.checkins().getFirst().personId(), good2.checkins().getFirst().personId());
    }

    @Test
    void aCommandWhoseCallerGaveUpBeforeItWasWrittenIsSkipped() throws Exception {
        WriteCommand.Record abandoned = scan(TestIds.person());
        WriteCommand.Record waiting = scan(TestIds.person());
        abandoned.done().completeExceptionally(new TimeoutException());

        writerWith(new CheckinStore(jdbcTemplate, database)).handle(List.of(abandoned, waiting));

        assertThat(waiting.done().get()).hasSize(1);
        assertThat(rowsAt(venue)).isEqualTo(1);
    }

    @Test
    void aRestartedWriterStillKnowsWhoIsCheckedIn() throws Exception {
        long person = TestIds.person();
        long checkedOutPerson = TestIds.person();
        long refusedPerson = TestIds.person();
        long first = recorder.record(NewCheckin.scan(person, venue, t0)).checkin().id();
        recorder.checkOut(recorder.record(NewCheckin.scan(checkedOutPerson, venue, t0)).checkin().id(),
                checkedOutPerson);
        recorder.record(NewCheckin.scan(refusedPerson, venue, t0).asRefused());

        clock.set(t0.plus(Duration.ofMinutes(20)));
        BatchWriter restarted = writerWith(new CheckinStore(jdbcTemplate, database));
        restarted.prepare();
        WriteCommand.Record again = scanAt(person, clock.instant());
        WriteCommand.Record afterCheckout = scanAt(checkedOutPerson, clock.instant());
        WriteCommand.Record afterRefusal = scanAt(refusedPerson, clock.instant());
        restarted.handle(List.of(again, afterCheckout, afterRefusal));

        assertThat(again.done().get().getFirst().duplicate()).isTrue();
        assertThat(again.done().get().getFirst().checkin().id()).isEqualTo(first);
        assertThat(afterCheckout.done().get().getFirst().duplicate()).isFalse();
        assertThat(afterRefusal.done().get().getFirst().duplicate()).isFalse();
    }

    /** Takes the lock every insert into the check-in table needs, until the connection rolls back. */
    void holdWriteLock(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (database.isSqlite()) {
                // the first write of a transaction takes SQLite's only write lock
                statement.executeUpdate("DELETE FROM checkin WHERE id = -1");
            } else {
                statement.execute("LOCK TABLE checkin IN EXCLUSIVE MODE");
            }
        }
    }

    /** A trigger standing in for any row the database refuses (a constraint, a failing extension…). */
    void rejectInsertsOf(long personId) {
        if (database.isSqlite()) {
            jdbc.sql("CREATE TRIGGER reject_test_person BEFORE INSERT ON checkin WHEN NEW.person_id = " + personId
                    + " BEGIN SELECT RAISE(ABORT, 'rejected by the test'); END").update();
        } else {
            jdbc.sql("CREATE FUNCTION reject_test_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.person_id = " + personId + " THEN RAISE EXCEPTION 'rejected by the test'; END IF; "
                    + "RETURN NEW; END $$").update();
            retryOnDeadlock(() -> jdbc.sql("CREATE TRIGGER reject_test_person BEFORE INSERT ON checkin FOR EACH ROW "
                    + "EXECUTE FUNCTION reject_test_person()").update());
        }
    }

    void dropRejection() {
        if (database.isSqlite()) {
            jdbc.sql("DROP TRIGGER reject_test_person").update();
        } else {
            retryOnDeadlock(() -> jdbc.sql("DROP TRIGGER reject_test_person ON checkin").update());
            jdbc.sql("DROP FUNCTION reject_test_person()").update();
        }
    }

    /**
     * A trigger on the partitioned check-in table locks the parent and then every partition; a background
     * reader of the same context (dashboard flush, partition upkeep) that takes them in another order can make
     * PostgreSQL abort this DDL as a deadlock victim. The fixture retries; the code under test is not involved.
     */
    private static void retryOnDeadlock(Runnable ddl) {
        for (int attempt = 1; ; attempt++) {
            try {
                ddl.run();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw deadlock;
                }
            }
        }
    }

    BatchWriter writerWith(CheckinStore store) {
        return new BatchWriter(store, ids, loader, partitions, transactionManager, events, new WriterStats(), clock,
                properties, presenceIndex);
    }

    WriteCommand.Record scan(long person) {
        return scanAt(person, t0);
    }

    WriteCommand.Record scanAt(long person, Instant at) {
        return new WriteCommand.Record(List.of(NewCheckin.scan(person, venue, at)));
    }

    long rowsAt(long venueId) {
        return jdbc.sql("SELECT COUNT(*) FROM checkin WHERE venue_id = :venue").param("venue", venueId)
                .query(Long.class).single();
    }
}
