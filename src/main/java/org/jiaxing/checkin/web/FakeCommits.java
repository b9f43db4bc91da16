package org.jiaxing.checkin.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Bench only: a thread that "commits" every interval by completing every future handed to it since, with no
 * database. The benchmark's {@code echo-park} and {@code echo-async} targets wait for it, so that what waiting
 * for a group commit costs the HTTP stack (a parked request thread, or an asynchronous answer) is measured
 * apart from the write (docs/PERFORMANCE.md, tenth session). The thread starts with the first waiter, so
 * that runs of the other targets do not share the cores with it.
 */
final class FakeCommits {

    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();
    private final long intervalNanos;
    /** Set by the first waiter. */
    private volatile Thread thread;
    private volatile boolean running = true;

    FakeCommits(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Completes at the next fake commit. */
    CompletableFuture<Void> next() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.offer(done);
        if (thread == null) {
            start();
        }
        if (!running) {
            commit();
        }
        return done;
    }

    private synchronized void start() {
        if (thread != null || !running) {
            return;
        }
        Thread committer = new Thread(this::run, "bench-fake-commits");
        committer.setDaemon(true);
        committer.start();
        thread = committer;
    }

    /** Stops the thread; every waiter, and every later one, is released at once. */
    synchronized void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        commit();
    }

    /** One fake commit: releases everyone waiting now (the thread's work; tests call it directly). */
    void commit() {
        CompletableFuture<Void> done;
        while ((done = waiting.poll()) != null) {
            done.complete(null);
        }
    }

    private void run() {
        while (running) {
            // parkNanos may return early (spuriously, or unparked by stop): wait out the whole interval
            long deadline = System.nanoTime() + intervalNanos;
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
            commit();
        }
    }
}
