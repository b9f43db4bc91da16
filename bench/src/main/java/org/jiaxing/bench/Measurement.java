package org.jiaxing.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Drives one target with a fixed number of connections, each a thread that sends its next scan as soon
 * as the previous answer arrived (closed loop: the rate is what the server sustains, the latency what
 * a caller waits under that load). The warm-up is sent but not counted.
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
        Worker[] workers = new Worker[options.connections()];
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            Scans scans = new Scans(options.duplicateRate(), seed * 1_000 + i, setup);
            HttpConnection connection = new HttpConnection(options.url().getHost(), port(options), target.path);
            workers[i] = new Worker(connection, scans, measureFrom, end);
            threads[i] = Thread.ofPlatform().name("load-" + i).start(workers[i]);
        }
        long untilMeasured = measureFrom - System.nanoTime();
        if (untilMeasured > 0) {
            Thread.sleep(untilMeasured / 1_000_000, (int) (untilMeasured % 1_000_000));
        }
        measuring.run();
        for (Thread thread : threads) {
            thread.join();
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

    private static int port(Options options) {
        int port = options.url().getPort();
        return port > 0 ? port : 80;
    }

    private static final class Worker implements Runnable {

        private final HttpConnection connection;
        private final Scans scans;
        private final long measureFrom;
        private final long end;
        private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        private final Map<Integer, Long> errorStatuses = new HashMap<>();
        private long ok;
        private long ioErrors;

        Worker(HttpConnection connection, Scans scans, long measureFrom, long end) {
            this.connection = connection;
            this.scans = scans;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            try (connection) {
                long sent;
                while ((sent = System.nanoTime()) < end) {
                    byte[] body = scans.next();
                    int status;
                    try {
                        status = connection.post(body);
                    } catch (IOException e) {
                        if (sent >= measureFrom) {
                            ioErrors++;
                        }
                        pause();
                        continue;
                    }
                    long answered = System.nanoTime();
                    if (sent < measureFrom || answered > end) {
                        continue;
                    }
                    latency.recordValue(Math.min(MAX_LATENCY_MICROS, (answered - sent) / 1_000));
                    if (status >= 200 && status < 300) {
                        ok++;
                    } else {
                        errorStatuses.merge(status, 1L, Long::sum);
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
}
