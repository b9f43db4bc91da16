package org.jiaxing.checkin.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Bench only: a thread that "commits" every interval by completing every future handed to it since, with no
 * database. The benchmark's {@code echo-park} and {@code echo-async} targets wait for it, so that what waiting
 * for a group commit costs the HTTP stack (a parked request thread, or an asynchronous answer) is measured
 * apart from the write (docs/PERFORMANCE.md, tenth session).
 */
final class FakeCommits {

    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;

    FakeCommits(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "bench-fake-commits");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes at the next fake commit. */
    CompletableFuture<Void> next() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.offer(done);
        if (!running) {
            completeAll();
        }
        return done;
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            completeAll();
        }
        completeAll();
    }

    private void completeAll() {
        CompletableFuture<Void> done;
        while ((done = waiting.poll()) != null) {
            done.complete(null);
        }
    }
}
