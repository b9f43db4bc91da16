package org.jiaxing.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * An immutable list to pick from at random, where an item written as {@code "沈*8"} counts eight times.
 * Picks depend only on the {@link Random} passed in, so a seeded generator stays reproducible.
 */
final class Weighted<T> {

    private final List<T> items;
    private final int[] cumulative;

    private Weighted(List<T> items, int[] cumulative) {
        this.items = List.copyOf(items);
        this.cumulative = cumulative;
    }

    /** Parses {@code "a*3 | b | c*2"}-style entries (already split on "|"), mapping each item. */
    static <T> Weighted<T> parse(List<String> entries, Function<String, T> item) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a weighted list needs at least one entry");
        }
        List<T> items = new ArrayList<>(entries.size());
        int[] cumulative = new int[entries.size()];
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int star = entry.lastIndexOf('*');
            int weight = 1;
            if (star > 0 && entry.substring(star + 1).strip().matches("\\d+")) {
                weight = Integer.parseInt(entry.substring(star + 1).strip());
                entry = entry.substring(0, star).strip();
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1: " + entries.get(i));
            }
            items.add(item.apply(entry));
            total += weight;
            cumulative[i] = total;
        }
        return new Weighted<>(items, cumulative);
    }

    T pick(Random random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        int index = Arrays.binarySearch(cumulative, ticket + 1);
        return items.get(index >= 0 ? index : -index - 1);
    }

    List<T> items() {
        return items;
    }
}
