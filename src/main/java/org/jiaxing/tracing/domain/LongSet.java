package org.jiaxing.tracing.domain;

/**
 * A set of longs: the engine tests every check-in it walks against the cases and close contacts, millions per
 * investigation, and a {@code HashSet<Long>} boxed each test. Values in [0, {@link LongIntMap#DENSE_LIMIT}) (every
 * person id of a city) are bits of a bitmap grown to the largest one added, so a test is one bit; it took 15 % of a
 * second-degree trace as a probe of a hash table. Other values are hashed (open addressing, linear probing).
 */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] bits = new long[0];
    private int denseSize;

    private long[] slots;
    private int size;
    private boolean hasEmptyValue;

    LongSet(int expected) {
        slots = new long[capacityFor(expected)];
        java.util.Arrays.fill(slots, EMPTY);
    }

    boolean add(long value) {
        if (value >= 0 && value < LongIntMap.DENSE_LIMIT) {
            int word = (int) (value >>> 6);
            if (word >= bits.length) {
                bits = java.util.Arrays.copyOf(bits, Math.max(16, Integer.highestOneBit(word) << 1));
            }
            long mark = 1L << value;
            if ((bits[word] & mark) != 0) {
                return false;
            }
            bits[word] |= mark;
            denseSize++;
            return true;
        }
        if (value == EMPTY) {
            boolean added = !hasEmptyValue;
            hasEmptyValue = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = LongIntMap.mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return false;
            }
            if (slot == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
        }
    }

    boolean contains(long value) {
        if (value >= 0 && value < LongIntMap.DENSE_LIMIT) {
            int word = (int) (value >>> 6);
            return word < bits.length && (bits[word] & 1L << value) != 0;
        }
        if (value == EMPTY) {
            return hasEmptyValue;
        }
        int mask = slots.length - 1;
        for (int i = LongIntMap.mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size + denseSize + (hasEmptyValue ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        size = 0;
        for (long value : old) {
            if (value != EMPTY) {
                add(value);
            }
        }
    }

    private static int capacityFor(int expected) {
        int capacity = 16;
        while (capacity < expected * 2L && capacity < 1 << 30) {
            capacity <<= 1;
        }
        return capacity;
    }
}
