package org.jiaxing.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadThroughCacheTests {

    private final ReadThroughCache<Long, String> cache = new ReadThroughCache<>(100);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void loadsOnceAndThenAnswersFromMemory() {
        assertThat(cache.get(1L, this::load)).hasValue("v1");
        assertThat(cache.get(1L, this::load)).hasValue("v1");

        assertThat(loads).hasValue(1);
    }

    @Test
    void anInvalidatedKeyIsLoadedAgain() {
        cache.get(1L, this::load);
        cache.invalidate(1L);

        cache.get(1L, this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadThatRacedWithAChangeDoesNotCacheWhatItRead() {
        // the change commits while the load is reading: what it read may be the old state
        Optional<String> stale = cache.get(1L, key -> {
            Optional<String> read = load(key);
            cache.invalidate(key);
            return read;
        });
        assertThat(stale).hasValue("v1");
        assertThat(cache.peek(1L)).isNull();

        cache.get(1L, this::load);
        assertThat(loads).hasValue(2);
        assertThat(cache.peek(1L)).isEqualTo("v2");
    }

    @Test
    void aPutWithAnEpochOlderThanAnInvalidationIsRefused() {
        long before = cache.epoch();
        cache.invalidateAll();

        cache.put(7L, "old", before);

        assertThat(cache.peek(7L)).isNull();
    }

    @Test
    void invalidateIfForgetsOnlyTheMatchingValuesAndRefusesLoadsThatRacedWithIt() {
        cache.get(1L, this::load);
        cache.get(2L, this::load);
        cache.get(3L, this::load);

        Optional<String> raced = cache.get(4L, key -> {
            Optional<String> read = load(key);
            cache.invalidateIf("v2"::equals);
            return read;
        });

        assertThat(raced).hasValue("v4");
        assertThat(cache.peek(4L)).as("loaded before the invalidation: not cached").isNull();
        assertThat(cache.peek(2L)).isNull();
        assertThat(cache.peek(1L)).isEqualTo("v1");
        assertThat(cache.peek(3L)).isEqualTo("v3");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void absentValuesAreNotCached() {
        assertThat(cache.get(2L, key -> {
            loads.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        cache.get(2L, this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        for (long key = 0; key < 1_000; key++) {
            cache.get(key, this::load);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get(999L, this::load)).hasValue("v1000");
    }

    private Optional<String> load(Long key) {
        return Optional.of("v" + loads.incrementAndGet());
    }
}
