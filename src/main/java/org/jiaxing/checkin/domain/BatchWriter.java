package org.jiaxing.checkin.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinNotRecorded;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.CheckoutRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: a whole batch of callers' check-ins in ONE transaction (JDBC batch inserts), then, and
 * only then, every caller's future is completed. If the transaction fails, it rolls back as a whole;
 * the commands are then retried one by one, each in its own transaction, so that one bad row fails
 * only its own caller. When the database itself is unavailable no retry is attempted: every caller
 * gets the error at once.
 *
 * <p>The writer thread keeps one connection of its own ({@link #attach}): bound to the thread for the
 * application's DataSource, so that the transaction manager and the store's JdbcTemplate use it like a
 * pre-bound connection, instead of borrowing one from the pool for every batch (SQLite keeps its page cache
 * warm, nothing is reset between batches). After a failed batch it is given back, in case it broke, and
 * the next batch takes a fresh one.
 */
@Component
class BatchWriter implements BatchHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final CheckinStore store;
    private final CheckinIds ids;
    private final RecentCheckinsLoader loader;
    private final DayPartitions partitions;
    private final TransactionTemplate transactions;
    private final CheckinEvents events;
    private final WriterStats stats;
    private final Clock clock;
    private final long windowMillis;
    /** Index entries live this long past their window: scans may carry a time slightly behind the clock. */
    private final long keepMillis;
    private final RecentCheckins recent;
    private final CheckinPresenceIndex presences;
    /** The DataSource the transactions and the store use, when they use the same one (else no own connection). */
    private final DataSource dataSource;
    /** The writer thread (after {@link #attach}); only it keeps a connection. */
    private Thread owner;
    private ConnectionHolder ownConnection;

    BatchWriter(CheckinStore store, CheckinIds ids, RecentCheckinsLoader loader, DayPartitions partitions,
            PlatformTransactionManager transactionManager, CheckinEvents events, WriterStats stats, Clock clock,
            CheckinProperties properties, CheckinPresenceIndex presences) {
        this.store = store;
        this.presences = presences;
        this.ids = ids;
        this.loader = loader;
        this.partitions = partitions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.stats = stats;
        this.clock = clock;
        this.windowMillis = properties.dedupWindow().toMillis();
        this.keepMillis = windowMillis + properties.maxClockSkew().toMillis();
        this.recent = new RecentCheckins(properties.recentCapacity());
        stats.watchIndex(recent::size);
        this.dataSource = transactionManager instanceof DataSourceTransactionManager manager
                && manager.getDataSource() == store.dataSource() ? manager.getDataSource() : null;
    }

    @Override
    public void attach() {
        owner = Thread.currentThread();
    }

    @Override
    public void detach() {
        releaseConnection();
        owner = null;
    }

    /** The writer thread's own connection, bound for the batch's transaction and statements. */
    private void holdConnection() {
        if (ownConnection != null || dataSource == null || Thread.currentThread() != owner
                || TransactionSynchronizationManager.hasResource(dataSource)) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            try {
                store.tuneWriterConnection(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            ConnectionHolder holder = new ConnectionHolder(connection);
            TransactionSynchronizationManager.bindResource(dataSource, holder);
            ownConnection = holder;
            stats.tookOwnConnection();
        } catch (SQLException | RuntimeException e) {
            // the batch then borrows from the pool as usual, and fails there if the database is gone
            log.debug("Check-in writer could not take a connection of its own", e);
        }
    }

    private void releaseConnection() {
        if (ownConnection == null) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
        try {
            Connection connection = ownConnection.getConnection();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            store.resetWriterConnection(connection);
            connection.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("Check-in writer's connection did not close cleanly", e);
        }
        ownConnection = null;
    }

    /**
     * Partitions for today must exist before the first row arrives (otherwise rows land in the default
     * partition), and the dedup index must know the open check-ins of the last window. If either fails,
     * check-ins still work (default partition; duplicates recorded as new rows), so it is logged, not fatal.
     */
    @Override
    public void prepare() {
        try {
            partitions.ensure(clock.instant());
        } catch (RuntimeException e) {
            log.error("Could not create check-in partitions; rows go to the default partition", e);
        }
        try {
            loader.openCheckedInSince(clock.millis() - keepMillis).forEach(recent::remember);
            log.info("Check-in writer ready; {} open check-ins of the last dedup window loaded", recent.size());
        } catch (RuntimeException e) {
            log.error("Could not load recent check-ins; scans within the dedup window may be recorded twice", e);
        }
    }

    @Override
    public void handle(List<WriteCommand> batch) {
        List<WriteCommand> live = batch.stream().filter(command -> !command.abandoned()).toList();
        if (live.isEmpty()) {
            return;
        }
        holdConnection();
        Written written;
        try {
            written = inOneTransaction(live);
        } catch (RuntimeException e) {
            stats.batchFailed();
            releaseConnection();
            if (live.size() > 1 && !databaseUnavailable(e)) {
                log.warn("A check-in batch of {} requests failed ({}); retrying them one by one", live.size(),
                        e.getClass().getSimpleName());
                retryOneByOne(live);
            } else {
                log.error("A check-in batch of {} requests failed; nothing of it was written", live.size(), e);
                live.forEach(command -> command.fail(CheckinNotRecorded.because(e)));
            }
            return;
        }
        afterCommit(written);
    }

    private void retryOneByOne(List<WriteCommand> commands) {
        for (int i = 0; i < commands.size(); i++) {
            WriteCommand command = commands.get(i);
            try {
                afterCommit(inOneTransaction(List.of(command)));
            } catch (RuntimeException e) {
                stats.batchFailed();
                releaseConnection();
                command.fail(CheckinNotRecorded.because(e));
                if (databaseUnavailable(e)) {
                    log.error("The database became unavailable; {} check-in requests fail", commands.size() - i, e);
                    commands.subList(i + 1, commands.size()).forEach(rest -> rest.fail(CheckinNotRecorded.because(e)));
                    return;
                }
                log.error("A check-in request failed on its own and was not written", e);
            }
        }
    }

    /**
     * Writes the commands atomically: in a transaction, or, where the store writes a whole batch in one
     * statement (PostgreSQL) and no check-out command needs a statement of its own, as that single
     * autocommitted statement, which saves the round trips of BEGIN and COMMIT. (The check-outs that imported
     * visits bring, {@link BatchPlan#closures()}, are part of that statement.)
     */
    private Written inOneTransaction(List<WriteCommand> commands) {
        boolean onlyRecords = commands.stream().allMatch(WriteCommand.Record.class::isInstance);
        if (onlyRecords && store.writesBatchInOneStatement()) {
            return write(commands);
        }
        return transactions.execute(status -> write(commands));
    }

    /** Decide, then write. Nothing outside the database changes here. */
    private Written write(List<WriteCommand> commands) {
        int rows = commands.stream().filter(WriteCommand.Record.class::isInstance).mapToInt(WriteCommand::rows).sum();
        BatchPlan plan = new BatchPlan(recent, windowMillis, clock.millis(), ids.take(rows));
        List<Runnable> completions = new ArrayList<>(commands.size());
        for (WriteCommand command : commands) {
            switch (command) {
                case WriteCommand.Record record -> {
                    List<CheckinResult> results = record.checkins().stream().map(plan::record).toList();
                    completions.add(() -> record.done().complete(results));
                }
                case WriteCommand.CheckOut checkOut -> completions.add(checkOut(checkOut, plan));
            }
        }
        store.writeAll(plan.inserts(), plan.extensions(), plan.closures());
        return new Written(plan, commands.size(), completions);
    }

    /** A refused check-out is the caller's answer, not a reason to roll back the others' batch. */
    private Runnable checkOut(WriteCommand.CheckOut command, BatchPlan plan) {
        Checkin done = store.checkOut(command.checkinId(), command.personId(), command.at().toEpochMilli()).orElse(null);
        if (done != null) {
            plan.checkedOut(done);
            return () -> command.done().complete(done);
        }
        CheckoutRefused refusal = store.find(command.checkinId())
                .filter(found -> found.personId() == command.personId())
                .map(found -> found.refused() ? CheckoutRefused.refusedAttempt() : CheckoutRefused.alreadyCheckedOut())
                .orElseGet(CheckoutRefused::notFound);
        return () -> command.fail(refusal);
    }

    private void afterCommit(Written written) {
        long oldestKept = clock.millis() - keepMillis;
        written.plan().applyTo(recent, oldestKept);
        recent.evictCheckedInBefore(oldestKept);
        // before the callers are answered: a read that starts after an acknowledged write sees it
        presences.inserted(written.plan().insertedCheckins());
        presences.checkedOut(written.plan().endedCheckins());
        written.completions().forEach(Runnable::run);
        events.publish(written.plan().events());
        stats.committed(written.commands(), written.plan().inserts().size(), written.plan().duplicates());
    }

    /** Failures that every retry would hit too: no connection, or the server went away. */
    static boolean databaseUnavailable(Throwable e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessResourceException;
    }

    private record Written(BatchPlan plan, int commands, List<Runnable> completions) {
    }
}
