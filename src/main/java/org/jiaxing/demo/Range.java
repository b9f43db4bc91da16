package org.jiaxing.demo;

import java.util.Random;

/** An inclusive integer range written {@code "30-600"}. */
record Range(int min, int max) {

    Range {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad range " + min + "-" + max);
        }
    }

    static Range parse(String text) {
        String[] bounds = text.strip().split("-", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException("expected min-max but got " + text);
        }
        return new Range(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
    }

    /** A value skewed towards {@code min}: most shops are small, a few are large. */
    int skewed(Random random, double skew) {
        return min + (int) Math.round((max - min) * Math.pow(random.nextDouble(), skew));
    }
}
