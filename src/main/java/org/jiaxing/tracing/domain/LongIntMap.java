package org.jiaxing.tracing.domain;

import java.util.Arrays;

/**
 * Long keys to int values, keys also kept in the order they were first put: the engine files each evidence item
 * under its person, hundreds of thousands per investigation, and a {@code HashMap<Long, …>} allocated a box and a
 * node for each.
 *
 * <p>Person ids are small and dense (a sequence), so keys in [0, {@value #DENSE_LIMIT}) are held in an array
 * indexed by the key itself, grown to the largest such key seen: one memory access where hashing took a probe of
 * the keys and another of the values, which were a third of a second-degree trace's time. Other keys are hashed
 * (open addressing, linear probing).
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    /**
     * Keys below this are held directly (at most 16 MB of values and 512 KB of marks): every person id of a city of
     * millions. A larger key is only slower, never wrong.
     */
    static final int DENSE_LIMIT = 1 << 22;

    /** {@code denseValues[key]}, valid when bit {@code key} of {@code denseKeys} is set. */
    private int[] denseValues = new int[0];
    private long[] denseKeys = new long[0];

    private long[] keys;
    private int[] values;
    private long[] inOrder;
    private int size;
    private int denseSize;
    private boolean hasEmptyKey;
    private int emptyKeyValue;

    LongIntMap(int expected) {
        int capacity = 16;
        while (capacity < expected * 2L && capacity < 1 << 30) {
            capacity <<= 1;
        }
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        inOrder = new long[Math.max(8, expected)];
    }

    /** The key's value, or {@code missing} when the key was never put. */
    int get(long key, int missing) {
        if (key >= 0 && key < DENSE_LIMIT) {
            int k = (int) key;
            return k < denseValues.length && (denseKeys[k >>> 6] & 1L << k) != 0 ? denseValues[k] : missing;
        }
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : missing;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long slot = keys[i];
            if (slot == key) {
                return values[i];
            }
            if (slot == EMPTY) {
                return missing;
            }
        }
    }

    void put(long key, int value) {
        exchange(key, value, 0);
    }

    /** The key's value; when the key was never put, puts {@code value} and returns it. */
    int putIfAbsent(long key, int value) {
        if (key >= 0 && key < DENSE_LIMIT) {
            int k = (int) key;
            if (k < denseValues.length && (denseKeys[k >>> 6] & 1L << k) != 0) {
                return denseValues[k];
            }
            return exchangeDense(k, value, value);
        }
        int known = get(key, value);
        if (known == value) {
            exchange(key, value, value); // absent, or present with this very value: putting it again changes nothing
        }
        return known;
    }

    /** Puts the value and returns the key's previous one ({@code missing} if none), in one probe. */
    int exchange(long key, int value, int missing) {
        if (key >= 0 && key < DENSE_LIMIT) {
            return exchangeDense((int) key, value, missing);
        }
        if (key == EMPTY) {
            int previous = hasEmptyKey ? emptyKeyValue : missing;
            if (!hasEmptyKey) {
                hasEmptyKey = true;
                remember(key);
            }
            emptyKeyValue = value;
            return previous;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long slot = keys[i];
            if (slot == key) {
                int previous = values[i];
                values[i] = value;
                return previous;
            }
            if (slot == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                remember(key);
                return missing;
            }
        }
    }

    private int exchangeDense(int key, int value, int missing) {
        if (key >= denseValues.length) {
            growDense(key);
        }
        int previous = denseValues[key];
        denseValues[key] = value;
        long mark = 1L << key;
        if ((denseKeys[key >>> 6] & mark) != 0) {
            return previous;
        }
        denseKeys[key >>> 6] |= mark;
        denseSize++;
        remember(key);
        return missing;
    }

    private void growDense(int key) {
        int length = Math.max(1024, Integer.highestOneBit(key) << 1);
        denseValues = Arrays.copyOf(denseValues, length);
        denseKeys = Arrays.copyOf(denseKeys, length / 64);
    }

    /** Removes every key, keeping the arrays (a kept map is filled again without growing). */
    void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(denseKeys, 0);
        size = 0;
        denseSize = 0;
        hasEmptyKey = false;
    }

    int size() {
        return size + denseSize + (hasEmptyKey ? 1 : 0);
    }

    /** The keys, in the order they were first put. */
    long[] keys() {
        return Arrays.copyOf(inOrder, size());
    }

    private void remember(long key) {
        int at = size() - 1;
        if (at == inOrder.length) {
            inOrder = Arrays.copyOf(inOrder, inOrder.length * 2);
        }
        inOrder[at] = key;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key == EMPTY) {
                continue;
            }
            int i = mix(key) & mask;
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = oldValues[j];
        }
    }

    /** Person ids are dense and sequential: spread them so that neighbours do not cluster in one run of slots. */
    static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
