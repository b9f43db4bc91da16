package org.jiaxing.bench.city;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The check-ins of one day, as primitive columns (millions of rows: no object per row). {@link #sortByTime()}
 * puts them in check-in order, as the application writes them: ids then grow with time and the table's pages
 * hold a moment of the whole city, not one person's month.
 */
final class DayRows {

    final LocalDate day;
    final long midnightMillis;
    int size;
    long[] person = new long[1 << 16];
    long[] venue = new long[1 << 16];
    long[] in = new long[1 << 16];
    /** 0: no check-out. */
    long[] out = new long[1 << 16];

    DayRows(LocalDate day, long midnightMillis, int expected) {
        this.day = day;
        this.midnightMillis = midnightMillis;
        grow(Math.max(16, expected));
    }

    void add(long personId, long venueId, long inMillis, long outMillis) {
        if (size == person.length) {
            grow(size * 2);
        }
        person[size] = personId;
        venue[size] = venueId;
        in[size] = inMillis;
        out[size] = outMillis;
        size++;
    }

    /** Drops rows after {@code now} (today) and check-outs still to come. */
    void cutAt(long nowMillis) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (in[i] > nowMillis) {
                continue;
            }
            person[kept] = person[i];
            venue[kept] = venue[i];
            in[kept] = in[i];
            out[kept] = out[i] > nowMillis ? 0 : out[i];
            kept++;
        }
        size = kept;
    }

    void sortByTime() {
        // key: milliseconds into the day (< 2^27) above the row number (< 2^32): one primitive sort
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((in[i] - midnightMillis) << 32) | i;
        }
        Arrays.sort(keys);
        long[] p = new long[size];
        long[] v = new long[size];
        long[] s = new long[size];
        long[] e = new long[size];
        for (int i = 0; i < size; i++) {
            int from = (int) (keys[i] & 0xFFFF_FFFFL);
            p[i] = person[from];
            v[i] = venue[from];
            s[i] = in[from];
            e[i] = out[from];
        }
        person = p;
        venue = v;
        in = s;
        out = e;
    }

    private void grow(int capacity) {
        person = Arrays.copyOf(person, capacity);
        venue = Arrays.copyOf(venue, capacity);
        in = Arrays.copyOf(in, capacity);
        out = Arrays.copyOf(out, capacity);
    }
}
