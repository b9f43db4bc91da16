package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTests {

    private static final long[] EDGES = {-1, 1, 63, 64, 65, 1023, 1024, LongIntMap.DENSE_LIMIT - 1,
        LongIntMap.DENSE_LIMIT, LongIntMap.DENSE_LIMIT + 1, Integer.MAX_VALUE, 1L << 32};

    @Test
    void answersAsALinkedHashMapOnRandomValuesThroughGrowth() {
        SplittableRandom random = new SplittableRandom(11);
        LongIntMap map = new LongIntMap(1);
        Map<Long, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            long key = switch (random.nextInt(10)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                case 2 -> 0;
                // the edges of the directly held range, and values held directly far above the others
                case 3 -> EDGES[random.nextInt(EDGES.length)];
                case 4 -> random.nextLong(LongIntMap.DENSE_LIMIT - 200_000, LongIntMap.DENSE_LIMIT + 200_000);
                default -> random.nextLong(1, 50_000);
            };
            int operation = random.nextInt(4);
            if (operation == 0) {
                int value = random.nextInt();
                map.put(key, value);
                expected.put(key, value);
            } else if (operation == 1) {
                int value = random.nextInt();
                assertThat(map.exchange(key, value, -9)).as("exchange %d", key)
                        .isEqualTo(expected.getOrDefault(key, -9));
                expected.put(key, value);
            } else if (operation == 2) {
                int value = random.nextInt(3); // often the value already there
                Integer known = expected.putIfAbsent(key, value);
                assertThat(map.putIfAbsent(key, value)).as("putIfAbsent %d", key)
                        .isEqualTo(known == null ? value : known);
            } else {
                assertThat(map.get(key, -7)).as("get %d", key).isEqualTo(expected.getOrDefault(key, -7));
            }
        }
        assertThat(map.size()).isEqualTo(expected.size());
        assertThat(map.keys()).as("keys in first-put order")
                .containsExactly(expected.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void aClearedMapAnswersAsANewOne() {
        LongIntMap map = new LongIntMap(1);
        for (long key = 1; key <= 10_000; key++) {
            map.put(key, (int) key);
        }
        map.put(Long.MIN_VALUE, 5); // the key that marks an empty slot, kept aside
        map.put(LongIntMap.DENSE_LIMIT + 7L, 6); // hashed
        map.put(-3, 7); // hashed

        map.clear();

        assertThat(map.size()).isZero();
        assertThat(map.keys()).isEmpty();
        assertThat(map.get(42, -1)).isEqualTo(-1);
        assertThat(map.get(Long.MIN_VALUE, -1)).isEqualTo(-1);
        assertThat(map.get(LongIntMap.DENSE_LIMIT + 7L, -1)).isEqualTo(-1);
        assertThat(map.get(-3, -1)).isEqualTo(-1);
        assertThat(map.get(10_000, -1)).isEqualTo(-1);
        assertThat(map.exchange(42, 7, -1)).isEqualTo(-1);
        assertThat(map.exchange(42, 8, -1)).isEqualTo(7);
        assertThat(map.keys()).containsExactly(42);
    }
}
