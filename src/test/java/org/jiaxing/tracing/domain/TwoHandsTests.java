package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TwoHandsTests {

    @Test
    void bothHandsWorkWhenAThreadIsFreeAndEveryItemIsDoneOnce() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Set<Integer> hands = ConcurrentHashMap.newKeySet();
            List<Integer> done = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            CountDownLatch bothStarted = new CountDownLatch(2);
            new TwoHands(pool).run(hand -> {
                hands.add(hand);
                bothStarted.countDown();
                awaitQuietly(bothStarted); // neither finishes before the other has started
                for (int item; (item = next.getAndIncrement()) < 1000; ) {
                    done.add(item);
                }
            });
            assertThat(hands).containsExactlyInAnyOrder(0, 1);
            assertThat(done).hasSize(1000).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCallerFinishesAloneWhenNoThreadIsFreeAndTheLateOneDoesNothing() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> hands = new ArrayList<>();
        new TwoHands(queued::add).run(hands::add); // a pool that never gets round to it
        assertThat(hands).containsExactly(0);
        queued.forEach(Runnable::run); // starts after all: called off
        assertThat(hands).containsExactly(0);
    }

    @Test
    void whatThePoolThreadThrowsReachesTheCaller() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch helperStarted = new CountDownLatch(1);
            assertThatThrownBy(() -> new TwoHands(pool).run(hand -> {
                if (hand == 1) {
                    helperStarted.countDown();
                    throw new IllegalStateException("broken on the pool thread");
                }
                awaitQuietly(helperStarted);
            })).isInstanceOf(IllegalStateException.class).hasMessage("broken on the pool thread");
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void whenTheCallerFailsItStillWaitsForThePoolThreadBeforeReturning() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch helperStarted = new CountDownLatch(1);
            AtomicInteger helperFinished = new AtomicInteger();
            assertThatThrownBy(() -> new TwoHands(pool).run(hand -> {
                if (hand == 1) {
                    helperStarted.countDown();
                    sleepQuietly(200); // still writing into the work's tables when the caller fails
                    helperFinished.incrementAndGet();
                    return;
                }
                awaitQuietly(helperStarted);
                throw new IllegalStateException("broken on the caller");
            })).isInstanceOf(IllegalStateException.class).hasMessage("broken on the caller");
            // the caller's tables go back to the pool after run: the pool thread must be done with them by then
            assertThat(helperFinished).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
