package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchPoolTests {

    private final ScratchPool<List<Integer>> pool = new ScratchPool<>(2, ArrayList::new, list -> list.size() <= 3,
            List::clear);

    @Test
    void givesBackAKeptObjectEmptyAndMakesANewOneWhenNoneIsKept() {
        List<Integer> first = pool.take();
        first.addAll(List.of(1, 2));
        pool.give(first);

        List<Integer> again = pool.take();

        assertThat(again).isSameAs(first).isEmpty();
        assertThat(pool.take()).isNotSameAs(first);
    }

    @Test
    void keepsAtMostItsCapacityAndNothingTooLarge() {
        List<Integer> large = new ArrayList<>(List.of(1, 2, 3, 4));
        pool.give(large);
        assertThat(pool.take()).as("a cluster's tables are left to the collector").isNotSameAs(large);
        assertThat(large).as("not cleared: the caller still owns it").hasSize(4);

        List<List<Integer>> given = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        given.forEach(pool::give);
        assertThat(pool.take()).isSameAs(given.get(0));
        assertThat(pool.take()).isSameAs(given.get(1));
        assertThat(pool.take()).as("the third was dropped").isNotSameAs(given.get(2));
    }
}
