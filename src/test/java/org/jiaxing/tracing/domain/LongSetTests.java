package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongSetTests {

    private static final long[] EDGES = {-1, 1, 63, 64, 65, 1023, 1024, LongIntMap.DENSE_LIMIT - 1,
        LongIntMap.DENSE_LIMIT, LongIntMap.DENSE_LIMIT + 1, Integer.MAX_VALUE, 1L << 32};

    @Test
    void answersAsAHashSetOnRandomValuesThroughGrowth() {
        SplittableRandom random = new SplittableRandom(7);
        LongSet set = new LongSet(1);
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            // dense ids (as person ids are), a few wide values and the extremes
            long value = switch (random.nextInt(10)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                case 2 -> 0;
                // the edges of the directly held range, and values held directly far above the others
                case 3 -> EDGES[random.nextInt(EDGES.length)];
                case 4 -> random.nextLong(LongIntMap.DENSE_LIMIT - 200_000, LongIntMap.DENSE_LIMIT + 200_000);
                default -> random.nextLong(1, 50_000);
            };
            if (random.nextBoolean()) {
                assertThat(set.add(value)).as("add %d", value).isEqualTo(expected.add(value));
            } else {
                assertThat(set.contains(value)).as("contains %d", value).isEqualTo(expected.contains(value));
            }
        }
        assertThat(set.size()).isEqualTo(expected.size());
        expected.forEach(value -> assertThat(set.contains(value)).isTrue());
    }
}
