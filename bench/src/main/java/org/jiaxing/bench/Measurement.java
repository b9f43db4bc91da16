package org.jiaxing.bench;

import java.io.IOException;
import java.time.Duration;
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
        Schedule schedule = options.rate() > 0 ? new Schedule(start, options.rate(), options.ramp()) : null;
        Intervals intervals = options.reportEvery().isZero() ? null : new Intervals();
        Progress progress = options.progressEvery().isZero() ? null
                : new Progress(target, start, measureFrom, schedule, options.progressEvery().toNanos());
        Worker[] workers = new Worker[options.connections()];
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            Scans scans = new Scans(options.duplicateRate(), seed * 1_000 + i, setup);
            HttpConnection connection = new HttpConnection(options.url().getHost(), port(options), target.path);
            workers[i] = new Worker(connection, scans, measureFrom, end, schedule, intervals, progress);
            threads[i] = Thread.ofPlatform().name("load-" + i).start(workers[i]);
        }
        Thread progressPrinter = progress == null ? null
                : Thread.ofPlatform().name("progress").daemon().start(progress::printUntilStopped);
        sleepUntil(measureFrom);
        measuring.run();
        if (intervals != null) {
            intervals.printUntil(target, measureFrom, end, options.reportEvery().toNanos());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (progressPrinter != null) {
            progress.stop();
            progressPrinter.join();
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
        private final Progress progress;
        private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        private final Map<Integer, Long> errorStatuses = new HashMap<>();
        private long ok;
        private long ioErrors;

        /**
         * @param schedule null for the closed loop; @param intervals null without interval reports;
         * @param progress null without progress reports
         */
        Worker(HttpConnection connection, Scans scans, long measureFrom, long end, Schedule schedule,
                Intervals intervals, Progress progress) {
            this.connection = connection;
            this.scans = scans;
            this.measureFrom = measureFrom;
            this.end = end;
            this.schedule = schedule;
            this.intervals = intervals;
            this.progress = progress;
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
                        if (progress != null) {
                            progress.errors.increment();
                        }
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
                    if (progress != null) {
                        progress.record(Math.min(MAX_LATENCY_MICROS, (answered - sent) / 1_000),
                                status >= 200 && status < 300);
                    }
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

    /**
     * The paced schedule: request n is due at start + n / rate, handed out once to whichever connection asks.
     * With a ramp, the rate rises linearly from {@link #RAMP_FROM} of the rate to the whole rate over the ramp's
     * first seconds (a node joining a load balancer with slow start), then stays.
     */
    static final class Schedule {

        /** The share of the rate at which a ramp starts. */
        static final double RAMP_FROM = 0.1;

        private final long start;
        private final double rate;
        private final double rampSeconds;
        /** Requests due during the ramp: the area under the rising rate. */
        private final double rampRequests;
        private final AtomicLong next = new AtomicLong();

        Schedule(long start, double rate, Duration ramp) {
            this.start = start;
            this.rate = rate;
            this.rampSeconds = ramp.toNanos() / 1e9;
            this.rampRequests = rate * rampSeconds * (1 + RAMP_FROM) / 2;
        }

        long nextDue() {
            return dueAt(next.getAndIncrement());
        }

        /** When request {@code n} (from 0) is due, in {@link System#nanoTime()} terms. */
        long dueAt(long n) {
            double seconds;
            if (n >= rampRequests) {
                seconds = rampSeconds + (n - rampRequests) / rate;
            } else {
                // n = rate * (a t + (1 - a) t² / 2R) solved for t
                double a = RAMP_FROM;
                double b = (1 - a) / rampSeconds;
                seconds = (-a + Math.sqrt(a * a + 2 * b * n / rate)) / b;
            }
            return start + (long) (seconds * 1e9);
        }

        /** How long ago the next request to be handed out was due (0 when on time): the backlog, in time. */
        long behindNanos(long now) {
            return Math.max(0, now - dueAt(next.get()));
        }
    }

    /**
     * Progress from the first request, warm-up included ({@code --progress}): answers, latency, errors per
     * interval and, when paced, how far behind its schedule the load is at the interval's end. Printed as
     * {@code progress T s (warm-up|measured): …} lines; they show when a backlog begins and when it is gone,
     * which the measured intervals alone cannot (the warm-up is not in them).
     */
    private static final class Progress {

        private final Target target;
        private final long start;
        private final long measureFrom;
        private final Schedule schedule;
        private final long every;
        private final Recorder latency = new Recorder(MAX_LATENCY_MICROS, 3);
        private final LongAdder ok = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private volatile boolean stopped;

        Progress(Target target, long start, long measureFrom, Schedule schedule, long every) {
            this.target = target;
            this.start = start;
            this.measureFrom = measureFrom;
            this.schedule = schedule;
            this.every = every;
        }

        void record(long micros, boolean success) {
            latency.recordValue(micros);
            (success ? ok : errors).increment();
        }

        void stop() {
            stopped = true;
        }

        void printUntilStopped() {
            for (long tick = 1; !stopped; tick++) {
                long at = start + tick * every;
                long left;
                while (!stopped && (left = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(left, 100_000_000L));
                }
                if (stopped) {
                    return;
                }
                Histogram interval = latency.getIntervalHistogram();
                long answeredOk = ok.sumThenReset();
                long failed = errors.sumThenReset();
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "progress %d s (%s): %s %.0f ok/s %d errors p50 %.1f ms p99 %.1f ms "
                                + "max %.1f ms%s%n", (at - start) / 1_000_000_000L,
                        at <= measureFrom ? "warm-up" : "measured", target.label, answeredOk / (every / 1e9), failed,
                        interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                        interval.getMaxValue() / 1000.0, schedule == null ? ""
                                : String.format(Locale.ROOT, " behind %.1f s", schedule.behindNanos(now) / 1e9));
                System.out.flush();
            }
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
