package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jiaxing.checkin.PresenceIndex;
import org.jiaxing.checkin.domain.InMemoryPresenceIndex;
import org.junit.jupiter.api.Test;

class TracingThreadsTests {

    @Test
    void theWorkRunsOnALowPriorityThreadOfItsOwnAndTheCallerGetsTheResult() {
        Thread caller = Thread.currentThread();
        Thread worker = TracingThreads.call(Thread::currentThread);
        assertThat(worker).isNotSameAs(caller);
        assertThat(worker.getName()).startsWith("tracing-");
        assertThat(worker.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(worker.isDaemon()).isTrue();
        assertThat(caller.getPriority()).isEqualTo(Thread.NORM_PRIORITY); // the request thread is left as it was
    }

    @Test
    void bothHandsOfATraceRunAtLowPriority() {
        Set<Integer> priorities = ConcurrentHashMap.newKeySet();
        Set<Integer> hands = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        TracingThreads.call(() -> {
            new TwoHands().run(hand -> { // the default pool: the second hand is a tracing thread too
                hands.add(hand);
                priorities.add(Thread.currentThread().getPriority());
                bothStarted.countDown();
                await(bothStarted);
            });
            return null;
        });
        assertThat(hands).containsExactlyInAnyOrder(0, 1);
        assertThat(priorities).containsExactly(Thread.MIN_PRIORITY);
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        assertThatThrownBy(() -> TracingThreads.call(() -> {
            throw new IllegalStateException("broken on the tracing thread");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken on the tracing thread");
        assertThatThrownBy(() -> TracingThreads.call(() -> {
            throw new StackOverflowError("deep");
        })).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void anInterruptedCallerStillGetsTheResultAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try {
            List<String> result = TracingThreads.call(() -> {
                sleep(50);
                return List.of("done");
            });
            assertThat(result).containsExactly("done");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theInMemoryTraceReadsTheIndexOnTracingThreadsOnly() {
        // ContactTracer hands the in-memory trace to TracingThreads: the index sees who reads it
        ContactTracerTests.World world = new ContactTracerTests.World();
        world.visit(ContactTracerTests.CASE, ContactTracerTests.SHOP, ContactTracerTests.T,
                ContactTracerTests.T + ContactTracerTests.HOUR);
        world.visit(1, ContactTracerTests.SHOP, ContactTracerTests.T, ContactTracerTests.T + ContactTracerTests.HOUR);
        InMemoryPresenceIndex real = new InMemoryPresenceIndex();
        world.all().forEach(stay -> real.add(stay.checkinId(), stay.personId(), stay.venueId(), stay.in(), stay.out()));
        Set<String> readers = ConcurrentHashMap.newKeySet();
        PresenceIndex index = (PresenceIndex) Proxy.newProxyInstance(PresenceIndex.class.getClassLoader(),
                new Class<?>[] {PresenceIndex.class}, (proxy, method, args) -> {
                    readers.add(Thread.currentThread().getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TraceResult result = new ContactTracer(new IndexedPresences(index), world).trace(
                List.of(new CaseWindow(ContactTracerTests.CASE, ContactTracerTests.T,
                        ContactTracerTests.T + ContactTracerTests.HOUR)), ContactTracerTests.T + 10 * ContactTracerTests.HOUR,
                true);
        assertThat(result.contacts()).extracting(Contact::personId).containsExactly(1L);
        assertThat(readers).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("tracing-"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
