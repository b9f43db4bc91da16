package org.jiaxing.tracing.domain;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads a contact trace runs on, at {@link Thread#MIN_PRIORITY}: a city-wide second degree is seconds of
 * work for two cores, and check-ins arriving meanwhile must not wait behind it. The soak (docs/RELIABILITY.md)
 * showed check-in p99 rising with the investigations' size while request threads, the check-in writer and the
 * trace all ran at the same priority on two cores; at the lowest priority the trace takes what check-ins leave.
 * The JVM honours Java priorities only with {@code -XX:ThreadPriorityPolicy=1} (as the check-in writer's
 * {@code MAX_PRIORITY}); otherwise this is a plain pool and nothing changes. Lowering a thread's priority needs no
 * privilege, raising it back does: hence threads of their own instead of lowering the request thread for a while.
 * Daemon threads, made on demand (one per hand of each running trace) and ended after a minute idle.
 */
final class TracingThreads {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "tracing-" + NUMBER.incrementAndGet());
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });

    private TracingThreads() {
    }

    /** {@code work.get()} on a tracing thread; the caller waits for it and gets its result or what it threw. */
    static <T> T call(Supplier<T> work) {
        Future<T> future = POOL.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the trace cannot be stopped half-way: wait for it as the caller would have
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
