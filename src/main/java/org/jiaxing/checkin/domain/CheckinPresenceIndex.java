package org.jiaxing.checkin.domain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.PresenceIndex;
import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link PresenceIndex}: a {@link PresenceLog} built from the table at start-up (in a background thread,
 * one forward-only scan), then changed by the module's writers right after each commit, in the committing
 * thread, before the callers are answered ({@link #inserted}, {@link #checkedOut}, {@link #purged}).
 *
 * <p>Changes are applied under one lock (the group-commit writer and the nightly purge are two threads); while
 * the table is being read they are kept in a pending list and applied to the new log after the scan (each is
 * idempotent: an insert the scan already saw is skipped by its id, a check-out sets a check-out only once, a
 * purge removes what is older). If a change cannot be applied (a time outside the layout's range, a bug), the
 * index stops being {@link #ready()} and readers go back to the database: slower, never wrong.
 */
@Component
class CheckinPresenceIndex implements PresenceIndex, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(CheckinPresenceIndex.class);
    private static final String SCAN = """
            SELECT id, person_id, venue_id, checked_in_at, checked_out_at FROM checkin WHERE refused = 0""";
    private static final int FETCH_SIZE = 10_000;

    private final boolean enabled;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Database database;
    private final Object lock = new Object();
    /** The changes committed while the table is read; null when none is being read. */
    private List<Consumer<PresenceLog>> pending = new ArrayList<>();
    private volatile PresenceLog current;
    private volatile boolean ready;
    private volatile Duration buildTime = Duration.ZERO;

    CheckinPresenceIndex(PresenceIndexProperties properties, DataSource dataSource,
            PlatformTransactionManager transactionManager, Database database) {
        this.enabled = properties.enabled();
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.database = database;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!enabled) {
            pending = null;
        }
    }

    /** Starts the first build once the application is up (the check-in writer records meanwhile). */
    @EventListener(ApplicationReadyEvent.class)
    void buildInBackground() {
        if (!enabled) {
            return;
        }
        Thread builder = new Thread(this::buildQuietly, "presence-index-build");
        builder.setDaemon(true);
        builder.start();
    }

    private void buildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.error("Presence index could not be built; tracing reads the database", e);
        }
    }

    /** One build at a time (the start-up one and a requested one). */
    @Override
    public synchronized void rebuild() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        synchronized (lock) {
            ready = false;
            pending = new ArrayList<>();
        }
        PresenceLog built;
        try {
            PresenceLog.Builder builder = new PresenceLog.Builder();
            // One forward-only scan, one snapshot. PostgreSQL streams by fetch size only inside a transaction (a
            // cursor); on SQLite a transaction would be BEGIN IMMEDIATE (the JDBC URL) and hold the writer's
            // lock, while the single autocommitted SELECT streams anyway and reads one snapshot (WAL).
            Runnable scan = () -> streaming.query(SCAN, rs -> {
                long out = rs.getLong(5);
                boolean checkedOut = !rs.wasNull(); // now: wasNull() is about the last column read
                builder.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), Math.floorDiv(rs.getLong(4), 1000),
                        checkedOut ? Math.floorDiv(out, 1000) : NO_OUT);
            });
            if (database.isSqlite()) {
                scan.run();
            } else {
                readOnly.executeWithoutResult(status -> scan.run());
            }
            built = builder.build();
        } catch (RuntimeException e) {
            synchronized (lock) {
                pending = null;
            }
            throw e;
        }
        synchronized (lock) {
            try {
                pending.forEach(change -> change.accept(built));
                built.publish();
                current = built;
                ready = true;
            } catch (RuntimeException e) {
                log.error("Presence index could not apply the changes made while it was built; tracing reads the database", e);
            } finally {
                pending = null;
            }
        }
        buildTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Presence index built: {} check-ins, about {} MB, in {} ms", built.size(), built.bytes() >> 20,
                buildTime.toMillis());
    }

    // ---------------------------------------------------------------- the writers' side

    /** Check-ins just committed (refused ones are not presences and are skipped). */
    void inserted(List<Checkin> checkins) {
        change(log -> {
            for (Checkin checkin : checkins) {
                if (!checkin.refused()) {
                    log.insert(checkin.id(), checkin.personId(), checkin.venueId(),
                            checkin.checkedInAt().getEpochSecond(),
                            checkin.checkedOutAt() == null ? NO_OUT : checkin.checkedOutAt().getEpochSecond());
                }
            }
        });
    }

    /** Check-outs just committed, each on a check-in that had none (a check-out already there stays). */
    void checkedOut(List<Checkin> checkins) {
        change(log -> checkins.forEach(checkin -> log.checkOut(checkin.id(), checkin.venueId(),
                checkin.checkedInAt().getEpochSecond(), checkin.checkedOutAt().getEpochSecond())));
    }

    /** Every check-in before {@code cutoffMillis} (a whole second) was deleted. */
    void purged(long cutoffMillis) {
        change(log -> log.purgeBefore(Math.floorDiv(cutoffMillis, 1000)));
    }

    private void change(Consumer<PresenceLog> change) {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            if (pending != null) {
                pending.add(change);
                return;
            }
            if (!ready) {
                return; // broken: readers use the database until the next build
            }
            try {
                change.accept(current);
                current.publish();
            } catch (RuntimeException e) {
                ready = false;
                log.error("Presence index could not apply a committed change and is off until rebuilt;"
                        + " tracing reads the database", e);
            }
        }
    }

    // ---------------------------------------------------------------- the readers' side

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void scanVenue(long venueId, long from, long to, long horizonSeconds, Visitor visitor) {
        live().scanVenue(venueId, from, to, horizon(horizonSeconds), visitor);
    }

    @Override
    public void scanPerson(long personId, long from, long to, long horizonSeconds, Visitor visitor) {
        live().scanPerson(personId, from, to, horizon(horizonSeconds), visitor);
    }

    @Override
    public VenueCursor venue(long venueId, long from, long to) {
        return live().venue(venueId, from, to);
    }

    @Override
    public VenueCursor venue(long venueId, long from, long to, long endedBy, long length) {
        return live().venue(venueId, from, to, endedBy, length);
    }

    /**
     * The log to read. A reader checks {@link #ready()} first; if the index stops being ready during its run (a
     * rebuild began, a change failed), it finishes on the log it had, which is consistent up to that moment,
     * rather than fail.
     */
    private PresenceLog live() {
        PresenceLog log = current;
        if (log == null) {
            throw new IllegalStateException("the presence index is not ready: read the database (CheckinQueries)");
        }
        return log;
    }

    private static long horizon(long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("the horizon of a next check-in is at least one second");
        }
        return seconds;
    }

    @Override
    public Status status() {
        synchronized (lock) {
            PresenceLog log = current;
            return new Status(enabled, ready, log == null ? 0 : log.size(), log == null ? 0 : log.bytes(), buildTime);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jiaxing.checkin.presence.index.ready", () -> ready ? 1 : 0)
                .description("1 when tracing reads check-ins from memory, 0 while the index loads or is off")
                .register(registry);
        Gauge.builder("jiaxing.checkin.presence.index.checkins", () -> {
            PresenceLog log = current;
            return log == null ? 0 : log.size();
        }).description("check-ins held by the presence index").register(registry);
    }
}
