package org.jiaxing.tracing.domain;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A few working objects of finished traces, kept for the next ones. A case's second degree filled ~30 MB of
 * evidence rows and builders, grown by doubling, anew for every trace: the young collections that copied them
 * while the search still ran paused traces by 20–95 ms. Kept objects live in the old generation, where filling them
 * again costs the collector nothing. Bounded twice: at most {@code capacity} objects, and only those that
 * {@code worthKeeping} accepts (a cluster's gigabytes are left to the collector).
 */
final class ScratchPool<T> {

    private final ConcurrentLinkedQueue<T> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final int capacity;
    private final Supplier<T> factory;
    private final Predicate<T> worthKeeping;
    private final Consumer<T> clear;

    ScratchPool(int capacity, Supplier<T> factory, Predicate<T> worthKeeping, Consumer<T> clear) {
        this.capacity = capacity;
        this.factory = factory;
        this.worthKeeping = worthKeeping;
        this.clear = clear;
    }

    /** A kept object, empty, or a new one when none is kept. */
    T take() {
        T object = free.poll();
        if (object == null) {
            return factory.get();
        }
        kept.decrementAndGet();
        return object;
    }

    /** Keeps the object for the next {@link #take} if it is worth keeping and there is room; the caller drops it. */
    void give(T object) {
        if (!worthKeeping.test(object)) {
            return;
        }
        if (kept.incrementAndGet() > capacity) {
            kept.decrementAndGet();
            return;
        }
        clear.accept(object);
        free.add(object);
    }
}
