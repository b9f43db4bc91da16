package org.jiaxing.tracing.domain;

/**
 * A set of longs in one array (open addressing, linear probing): the engine tests every check-in it walks
 * against the cases and close contacts, millions per investigation, and a {@code HashSet<Long>} boxed each test.
 */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots;
    private int size;
    private boolean hasEmptyValue;

    LongSet(int expected) {
        slots = new long[capacityFor(expected)];
        java.util.Arrays.fill(slots, EMPTY);
    }

    boolean add(long value) {
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
        return size + (hasEmptyValue ? 1 : 0);
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
