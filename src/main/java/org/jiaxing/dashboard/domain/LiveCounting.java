package org.jiaxing.dashboard.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jiaxing.checkin.CheckinRecorded;
import org.jiaxing.checkin.VisitorDeviceSeen;
import org.jiaxing.health.HealthColour;
import org.jiaxing.shared.JiaxingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups current. The listener only queues the event (one lock-free append on the
 * {@code checkin-events} thread, never a query); every {@code flush-interval} the queue is drained, counted
 * into a {@link Tally}, written in one transaction and shown to the fraud rules. A rebuild replaces the
 * rollups from the check-in table and remembers the highest check-in id it covered, so events of check-ins
 * it already counted are skipped: rebuild and live counting never count a check-in twice.
 */
@Component
public class LiveCounting {

    private static final Logger log = LoggerFactory.getLogger(LiveCounting.class);

    private final DashboardProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final VenueSnapshot venues;
    private final ColourAttribution colours;
    private final RollupStore rollups;
    private final CheckinTable table;
    private final FraudWatch fraud;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<CheckinRecorded> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<VisitorDeviceSeen> devices = new ConcurrentLinkedQueue<>();
    private volatile boolean enabled;
    private long coveredUpTo;
    private long purgedDay = Long.MIN_VALUE;

    LiveCounting(DashboardProperties properties, JiaxingProperties platform, Clock clock, VenueSnapshot venues,
            ColourAttribution colours, RollupStore rollups, CheckinTable table, FraudWatch fraud,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.zone = platform.zone();
        this.clock = clock;
        this.venues = venues;
        this.colours = colours;
        this.rollups = rollups;
        this.table = table;
        this.fraud = fraud;
        this.transactions = transactions;
        this.enabled = properties.liveCounting();
    }

    /** Whether check-ins are counted as they come (jiaxing.dashboard.live-counting, switchable at run time). */
    public boolean enabled() {
        return enabled;
    }

    /** Switches live counting on or off, for measuring its cost in one benchmark run (off: rebuild to catch up). */
    public void enable(boolean on) {
        enabled = on;
    }

    /** On the check-in event thread: queue only, so that a slow database never holds up other listeners. */
    @EventListener
    void on(CheckinRecorded recorded) {
        if (enabled) {
            pending.add(recorded);
        }
    }

    @EventListener
    void on(VisitorDeviceSeen seen) {
        if (enabled) {
            devices.add(seen);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStart() {
        if (properties.rebuildOnStart()) {
            long started = System.nanoTime();
            long rows = rebuild();
            log.info("Dashboard rollups rebuilt from {} check-in groups in {} ms", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Scheduled(fixedDelayString = "${jiaxing.dashboard.flush-interval:2s}")
    void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the events are lost (counters rebuild from the table); the next flush goes on
            log.warn("Dashboard flush failed: {}", e.toString());
        }
    }

    /** Writes what was counted since the last flush. @return the number of check-ins counted */
    public synchronized int flush() {
        List<CheckinRecorded> batch = new ArrayList<>();
        for (CheckinRecorded e; (e = pending.poll()) != null; ) {
            if (e.checkinId() > coveredUpTo) {
                batch.add(e);
            }
        }
        List<VisitorDeviceSeen> sightings = new ArrayList<>();
        for (VisitorDeviceSeen s; (s = devices.poll()) != null; ) {
            sightings.add(s);
        }
        Tally tally = new Tally(zone);
        for (CheckinRecorded e : batch) {
            VenueFacts venue = venues.get(e.venueId());
            HealthColour colour = e.refused() ? colours.refused(e.personId(), e.at()) : HealthColour.GREEN;
            tally.add(venue, e.at(), e.refused(), colour);
        }
        List<Flag> flags = fraud.inspect(batch, sightings);
        transactions.executeWithoutResult(status -> {
            if (!tally.isEmpty()) {
                rollups.add(tally);
            }
            fraud.save(flags);
            purgeOldRollups();
        });
        return batch.size();
    }

    /**
     * Replaces the rollups with counts from the check-in table (the window back from now), in one
     * transaction. Live events of check-ins it covered are skipped afterwards (events still queued are
     * flushed first, so the fraud rules see them). @return aggregate rows read
     */
    public synchronized long rebuild() {
        // what is queued goes through the fraud rules first; its counts are then replaced by the rebuild
        flush();
        Instant from = windowStart();
        long[] rows = {0};
        transactions.executeWithoutResult(status -> {
            long maxId = table.maxId();
            Tally tally = new Tally(zone);
            table.hourGroups(maxId, from, zone, group -> {
                rows[0]++;
                tally.add(venues.get(group.venueId()), group.hourStart(), group.checkins(), group.refused(), 0, 0);
            });
            table.refused(maxId, from, row -> {
                HealthColour colour = colours.refused(row.personId(), row.at());
                tally.add(venues.get(row.venueId()), row.at(), 0, 0, colour == HealthColour.YELLOW ? 1 : 0,
                        colour == HealthColour.RED ? 1 : 0);
            });
            rollups.clear();
            rollups.add(tally);
            coveredUpTo = maxId;
        });
        return rows[0];
    }

    private Instant windowStart() {
        return clock.instant().atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant().minus(properties.window());
    }

    private void purgeOldRollups() {
        Instant from = windowStart();
        long day = from.atZone(zone).toLocalDate().toEpochDay();
        if (day != purgedDay) {
            rollups.purgeBefore(from.toEpochMilli(), (int) day);
            purgedDay = day;
        }
    }
}
