package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTests {

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
                default -> random.nextLong(1, 50_000);
            };
            int operation = random.nextInt(3);
            if (operation == 0) {
                int value = random.nextInt();
                map.put(key, value);
                expected.put(key, value);
            } else if (operation == 1) {
                int value = random.nextInt();
                assertThat(map.exchange(key, value, -9)).as("exchange %d", key)
                        .isEqualTo(expected.getOrDefault(key, -9));
                expected.put(key, value);
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

        map.clear();

        assertThat(map.size()).isZero();
        assertThat(map.keys()).isEmpty();
        assertThat(map.get(42, -1)).isEqualTo(-1);
        assertThat(map.get(Long.MIN_VALUE, -1)).isEqualTo(-1);
        assertThat(map.exchange(42, 7, -1)).isEqualTo(-1);
        assertThat(map.exchange(42, 8, -1)).isEqualTo(7);
        assertThat(map.keys()).containsExactly(42);
    }
}
