package org.jiaxing.tracing.domain;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs one piece of work with two hands: the calling thread (hand 0) and, when one is free, a pool thread (hand 1).
 * The work takes its items from a shared counter, so either hand alone finishes all of them: if the pool thread has
 * not started by the time the caller runs out of items, it is called off and does nothing, so the caller never
 * waits for a thread that is not working. A second-degree search is seconds of one core's work; the machines this
 * runs on have two or more.
 */
final class TwoHands {

    private final Executor pool;

    /** The second hand from {@link TracingThreads}: at the same low priority as the trace that calls it. */
    TwoHands() {
        this(TracingThreads.POOL);
    }

    TwoHands(Executor pool) {
        this.pool = pool;
    }

    /** {@code work.accept(hand)} on both hands; returns when both are done, also when one failed; rethrows what either threw. */
    void run(IntConsumer work) {
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch helperDone = new CountDownLatch(1);
        AtomicReference<Throwable> helperFailure = new AtomicReference<>();
        pool.execute(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return; // the caller finished alone
            }
            try {
                work.accept(1);
            } catch (Throwable e) {
                helperFailure.set(e);
            } finally {
                helperDone.countDown();
            }
        });
        try {
            work.accept(0);
        } finally {
            // also when hand 0 failed: the caller may hand the work's tables to another trace once this returns
            if (!claimed.compareAndSet(false, true)) {
                awaitUninterruptibly(helperDone);
            }
        }
        Throwable failure = helperFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
