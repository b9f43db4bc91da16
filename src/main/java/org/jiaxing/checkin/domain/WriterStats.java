package org.jiaxing.checkin.domain;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * What the writer did, as Micrometer meters ({@code jiaxing.checkin.*} on /actuator/metrics and
 * Prometheus) and for tests: how many transactions for how many requests shows whether group commit
 * actually groups.
 */
@Component
public class WriterStats implements MeterBinder {

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failedTransactions = new AtomicLong();
    private final AtomicLong rejectedQueueFull = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong ownConnections = new AtomicLong();
    private volatile IntSupplier queueDepth = () -> 0;
    private volatile IntSupplier indexSize = () -> 0;

    void committed(int commandCount, int insertedRows, int duplicateScans) {
        transactions.incrementAndGet();
        commands.addAndGet(commandCount);
        inserted.addAndGet(insertedRows);
        duplicates.addAndGet(duplicateScans);
    }

    /** The writer took {@code commandCount} commands from the queue for its next transaction. */
    void took(int commandCount) {
        taken.addAndGet(commandCount);
    }

    /** The writer spent this long on one batch, from taking it to having answered every caller. */
    void busy(long nanos) {
        busyNanos.addAndGet(nanos);
    }

    /** The writer took a connection of its own (at its first batch, and after a failed one). */
    void tookOwnConnection() {
        ownConnections.incrementAndGet();
    }

    long ownConnections() {
        return ownConnections.get();
    }

    void batchFailed() {
        failedTransactions.incrementAndGet();
    }

    void rejectedQueueFull() {
        rejectedQueueFull.incrementAndGet();
    }

    void timedOut() {
        timedOut.incrementAndGet();
    }

    void watchQueue(IntSupplier depth) {
        this.queueDepth = depth;
    }

    void watchIndex(IntSupplier size) {
        this.indexSize = size;
    }

    /** Committed write transactions. */
    long transactions() {
        return transactions.get();
    }

    /** Requests (record, recordAll, check-out) committed. */
    long commands() {
        return commands.get();
    }

    /** Commands the writer has taken from the queue so far. */
    long taken() {
        return taken.get();
    }

    int queueDepth() {
        return queueDepth.getAsInt();
    }

    long inserted() {
        return inserted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Totals so far, for the benchmark's report. */
    public Snapshot snapshot() {
        return new Snapshot(transactions.get(), commands.get(), inserted.get(), duplicates.get(),
                failedTransactions.get(), rejectedQueueFull.get(), timedOut.get(), busyNanos.get() / 1_000_000);
    }

    /** @param writerBusyMillis time the writer spent on batches (the rest it waited for work) */
    public record Snapshot(long transactions, long requests, long inserted, long duplicates, long failedTransactions,
            long rejectedQueueFull, long timedOut, long writerBusyMillis) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "jiaxing.checkin.transactions", "committed write transactions", transactions);
        counter(registry, "jiaxing.checkin.requests", "requests committed (group commit: many per transaction)",
                commands);
        counter(registry, "jiaxing.checkin.inserted", "check-in rows inserted", inserted);
        counter(registry, "jiaxing.checkin.duplicates", "scans folded into an earlier check-in", duplicates);
        counter(registry, "jiaxing.checkin.failed.transactions", "write transactions rolled back", failedTransactions);
        counter(registry, "jiaxing.checkin.rejected", "requests refused with 503, queue full", rejectedQueueFull);
        counter(registry, "jiaxing.checkin.timeouts", "requests not committed within the timeout (503)", timedOut);
        FunctionCounter.builder("jiaxing.checkin.writer.busy", busyNanos, nanos -> nanos.get() / 1e9)
                .baseUnit("seconds").description("time the writer spent on batches").register(registry);
        Gauge.builder("jiaxing.checkin.queue", () -> queueDepth.getAsInt())
                .description("requests waiting for the writer").register(registry);
        Gauge.builder("jiaxing.checkin.dedup.index", () -> indexSize.getAsInt())
                .description("open check-ins in the in-memory dedup index").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, AtomicLong value) {
        FunctionCounter.builder(name, value, AtomicLong::doubleValue).description(description).register(registry);
    }
}
