package org.jiaxing.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one target with a fixed number of connections, each a thread that sends its next scan as soon
 * as the previous answer arrived (closed loop: the rate is what the server sustains, the latency what
 * a caller waits under that load). The warm-up is sent but not counted.
 *
 * <p>With {@code --rate} the load is paced instead (open loop, for the soak): requests are due on one
 * fixed schedule shared by the connections, each connection takes the next due request, and latency
 * counts from when it was due, so a server that falls behind shows as latency (waiting for a free
 * connection included) instead of as a lower request rate (no coordinated omission). A request due in the
 * measured period is counted even when its answer comes after the period ends.
 */
final class Measurement {

    private static final long MAX_LATENCY_MICROS = 120_000_000L;

    private Measurement() {
    }

    /** @param measuring called when the warm-up ends and the measured period begins */
    static Result run(Options options, Target target, BenchSetup setup, long seed, Runnable measuring)
            throws InterruptedException {
        long warmupNanos = options.warmup().toNanos();
        long measureNanos = options.duration().toNanos();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        Schedule schedule = options.rate() > 0 ? new Schedule(start, options.rate()) : null;
        Intervals intervals = options.reportEvery().isZero() ? null : new Intervals();
        Worker[] workers = new Worker[options.connections()];
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            Scans scans = new Scans(options.duplicateRate(), seed * 1_000 + i, setup);
            HttpConnection connection = new HttpConnection(options.url().getHost(), port(options), target.path);
            workers[i] = new Worker(connection, scans, measureFrom, end, schedule, intervals);
            threads[i] = Thread.ofPlatform().name("load-" + i).start(workers[i]);
        }
        sleepUntil(measureFrom);
        measuring.run();
        if (intervals != null) {
            intervals.printUntil(target, measureFrom, end, options.reportEvery().toNanos());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (intervals != null) {
            intervals.printLast(target, measureFrom, end, options.reportEvery().toNanos());
        }
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        long ok = 0;
        long ioErrors = 0;
        Map<Integer, Long> statuses = new HashMap<>();
        for (Worker worker : workers) {
            latency.add(worker.latency);
            ok += worker.ok;
            ioErrors += worker.ioErrors;
            worker.errorStatuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
        }
        return new Result(target, ok, statuses, ioErrors, latency, measureNanos / 1e9);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static int port(Options options) {
        int port = options.url().getPort();
        return port > 0 ? port : 80;
    }

    private static final class Worker implements Runnable {

        private final HttpConnection connection;
        private final Scans scans;
        private final long measureFrom;
        private final long end;
        private final Schedule schedule;
        private final Intervals intervals;
        private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        private final Map<Integer, Long> errorStatuses = new HashMap<>();
        private long ok;
        private long ioErrors;

        /** @param schedule null for the closed loop; @param intervals null without interval reports */
        Worker(HttpConnection connection, Scans scans, long measureFrom, long end, Schedule schedule,
                Intervals intervals) {
            this.connection = connection;
            this.scans = scans;
            this.measureFrom = measureFrom;
            this.end = end;
            this.schedule = schedule;
            this.intervals = intervals;
        }

        @Override
        public void run() {
            try (connection) {
                long sent;
                while ((sent = schedule == null ? System.nanoTime() : schedule.nextDue()) < end) {
                    if (schedule != null) {
                        sleepUntil(sent);
                    }
                    byte[] body = scans.next();
                    int status;
                    try {
                        status = connection.post(body);
                    } catch (IOException e) {
                        if (sent >= measureFrom) {
                            ioErrors++;
                            if (intervals != null) {
                                intervals.errors.increment();
                            }
                        }
                        if (schedule == null) {
                            pause();
                        }
                        continue;
                    }
                    long answered = System.nanoTime();
                    // closed loop: only answers within the period; paced: every request due in it
                    if (sent < measureFrom || (schedule == null && answered > end)) {
                        continue;
                    }
                    long micros = Math.min(MAX_LATENCY_MICROS, (answered - sent) / 1_000);
                    latency.recordValue(micros);
                    boolean success = status >= 200 && status < 300;
                    if (success) {
                        ok++;
                    } else {
                        errorStatuses.merge(status, 1L, Long::sum);
                    }
                    if (intervals != null) {
                        intervals.record(micros, success);
                    }
                }
            }
        }

        /** After a refused connection, do not spin: the server may be restarting its pool. */
        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The paced schedule: request n is due at start + n / rate, handed out once to whichever connection asks. */
    private static final class Schedule {

        private final long start;
        private final double nanosPerRequest;
        private final AtomicLong next = new AtomicLong();

        Schedule(long start, double rate) {
            this.start = start;
            this.nanosPerRequest = 1e9 / rate;
        }

        long nextDue() {
            return start + (long) (next.getAndIncrement() * nanosPerRequest);
        }
    }

    /**
     * Per-interval figures of the measured period (for the soak: is p99 stable, do errors appear late?),
     * printed as {@code interval N (FROM-TO s): …} lines that bench/reliability/soak.sh reads. An answer
     * belongs to the interval in which it arrived.
     */
    private static final class Intervals {

        private final Recorder latency = new Recorder(MAX_LATENCY_MICROS, 3);
        private final LongAdder ok = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private int printed;

        void record(long micros, boolean success) {
            latency.recordValue(micros);
            (success ? ok : errors).increment();
        }

        /** Prints each full interval that ends before {@code end}, as it ends. */
        void printUntil(Target target, long measureFrom, long end, long every) {
            while (measureFrom + (printed + 1) * every < end) {
                sleepUntil(measureFrom + (printed + 1) * every);
                print(target, every, (printed + 1) * every);
            }
        }

        /** The last interval, after the last answer came (paced: answers of requests due before the end). */
        void printLast(Target target, long measureFrom, long end, long every) {
            print(target, end - measureFrom - printed * every, end - measureFrom);
        }

        private void print(Target target, long nanos, long upTo) {
            Histogram interval = latency.getIntervalHistogram();
            long answeredOk = ok.sumThenReset();
            long failed = errors.sumThenReset();
            printed++;
            System.out.printf(Locale.ROOT, "interval %d (%d-%d s): %s %d ok %d errors %.0f req/s p50 %.2f ms "
                            + "p99 %.2f ms max %.1f ms%n", printed, (upTo - nanos) / 1_000_000_000L,
                    upTo / 1_000_000_000L, target.label, answeredOk, failed, answeredOk / (nanos / 1e9),
                    interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                    interval.getMaxValue() / 1000.0);
            System.out.flush();
        }
    }
}
