package org.jiaxing.checkin.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jiaxing.checkin.PresenceIndex;

/**
 * The accepted check-ins in primitive arrays: per venue ordered by check-in second, per person ordered by
 * check-in second. One writer thread, any number of reader threads.
 *
 * <p>Layout (about 32 bytes a check-in plus growth slack, see docs/DECISIONS.md): a venue's check-ins are
 * chunks of parallel arrays {@code ins} (seconds since {@link #BASE}), {@code persons} (person index),
 * {@code ids}, {@code outs} (check-out second, or {@link #NO_OUT}), {@code nexts} (the person's next check-in
 * second, rule 1's cut); a person's are one {@code long[]} of {@code in << 32 | venue index}. Times are whole seconds, as tracing compares them.
 *
 * <p>Publication: arrays are written before the volatile {@code size} of their chunk or slab says they hold
 * the entry, and a chunk or slab that must change in the middle (a check-in older than the venue's latest,
 * an import) is copied, changed, and the copy published: a reader sees an old or a new version, never a
 * half-written one. A check-out writes one {@code int} in place; {@link #publish()} after each batch is the
 * release that makes it visible to every reader that starts later ({@link #acquire()}).
 */
final class PresenceLog {

    /** Seconds are stored as an {@code int} offset from this (2001-09-09): good until 2069. */
    static final long BASE = 1_000_000_000L;
    static final int NO_OUT = Integer.MIN_VALUE;
    /** A chunk entry's {@code nexts} when the person has no check-in in a later second (yet). */
    static final int NO_NEXT = Integer.MIN_VALUE;
    private static final int CHUNK = 2048;
    /** A new chunk's capacity; it doubles (copied) up to {@link #CHUNK}. */
    private static final int FIRST_CAPACITY = 16;

    /** A check-in time the layout cannot hold: the index gives up (readers then use the database). */
    static final class OutOfRange extends RuntimeException {
        OutOfRange(long second) {
            super("check-in time outside the presence index's range: " + second);
        }
    }

    private final Map<Long, Integer> venueIndex = new ConcurrentHashMap<>();
    private final Map<Long, Integer> personIndex = new ConcurrentHashMap<>();
    private volatile long[] venueIds = new long[256];
    private volatile VenueLog[] venues = new VenueLog[256];
    private int venueCount;
    private volatile long[] personIds = new long[4096];
    private volatile Slab[] persons = new Slab[4096];
    private int personCount;
    private volatile long published;
    private long entries;

    // ---------------------------------------------------------------- writing (one thread)

    static int offset(long second) {
        long offset = second - BASE;
        if (offset < 0 || offset >= Integer.MAX_VALUE) {
            throw new OutOfRange(second);
        }
        return (int) offset;
    }

    private static int outOffset(long outSecond) {
        if (outSecond == PresenceIndex.NO_OUT) {
            return NO_OUT;
        }
        long offset = outSecond - BASE;
        if (offset <= Integer.MIN_VALUE || offset > Integer.MAX_VALUE) {
            throw new OutOfRange(outSecond);
        }
        return (int) offset;
    }

    /** Adds an accepted check-in unless one with its id is already there (a replayed write). */
    void insert(long id, long personId, long venueId, long inSecond, long outSecond) {
        int in = offset(inSecond);
        int out = outOffset(outSecond);
        int venue = venueIndexOf(venueId);
        VenueLog log = venues[venue];
        if (log.find(in, id) != null) {
            return;
        }
        int person = personIndexOf(personId);
        Slab slab = persons[person];
        log.insert(in, person, id, out, nextAfter(slab, in));
        Slab changed = slab.insert((long) in << 32 | venue);
        if (changed != slab) {
            persons[person] = changed;
        }
        relinkBefore(changed, person, in);
        entries++;
    }

    /**
     * The person's check-ins in the last second before {@code in} now have {@code in} as their next check-in,
     * unless they already had one at or before it (a check-in in the same second came first). Written in place,
     * as a check-out is; readers that start after {@link #publish()} see it.
     */
    private void relinkBefore(Slab slab, int person, int in) {
        long[] entries = slab.entries;
        int k = Slab.lowerBound(entries, slab.size, (long) in << 32) - 1;
        if (k < 0) {
            return;
        }
        int before = (int) (entries[k] >>> 32);
        for (; k >= 0 && (int) (entries[k] >>> 32) == before; k--) {
            if (k + 1 < slab.size && entries[k + 1] == entries[k]) {
                continue; // same second, same venue: done with the last of them
            }
            Chunk[] chunks = venues[(int) entries[k]].chunks;
            for (int c = VenueLog.firstChunk(chunks, before); c < chunks.length; c++) {
                Chunk chunk = chunks[c];
                int size = chunk.size;
                int j = lowerBound(chunk.ins, size, before);
                for (; j < size && chunk.ins[j] == before; j++) {
                    if (chunk.persons[j] == person && (chunk.nexts[j] == NO_NEXT || chunk.nexts[j] > in)) {
                        chunk.nexts[j] = in;
                    }
                }
                if (j < size) {
                    break;
                }
            }
        }
    }

    /** The first check-in second of the slab after {@code in}, or {@link #NO_NEXT}. */
    static int nextAfter(Slab slab, int in) {
        int size = slab.size;
        int i = Slab.lowerBound(slab.entries, size, (long) (in + 1) << 32);
        return i < size ? (int) (slab.entries[i] >>> 32) : NO_NEXT;
    }

    /** Sets the check-out of a check-in that has none (as the database does: the first one stays). */
    void checkOut(long id, long venueId, long inSecond, long outSecond) {
        Integer venue = venueIndex.get(venueId);
        if (venue == null) {
            return;
        }
        long offset = inSecond - BASE;
        if (offset < 0 || offset >= Integer.MAX_VALUE) {
            return;
        }
        int[] where = venues[venue].find((int) offset, id);
        if (where != null) {
            Chunk chunk = venues[venue].chunks[where[0]];
            if (chunk.outs[where[1]] == NO_OUT) {
                int out = outOffset(outSecond);
                chunk.outs[where[1]] = out;
                chunk.maxOut = Math.max(chunk.maxOut, out);
            }
        }
    }

    /** Forgets every check-in before {@code cutoffSecond}. */
    void purgeBefore(long cutoffSecond) {
        long offset = cutoffSecond - BASE;
        if (offset <= 0) {
            return;
        }
        int cutoff = (int) Math.min(offset, Integer.MAX_VALUE);
        long removed = 0;
        for (int v = 0; v < venueCount; v++) {
            removed += venues[v].purgeBefore(cutoff);
        }
        for (int p = 0; p < personCount; p++) {
            Slab slab = persons[p];
            Slab kept = slab.purgeBefore(cutoff);
            if (kept != slab) {
                persons[p] = kept;
            }
        }
        entries -= removed;
    }

    /** The release after a batch of changes: readers that {@link #acquire} later see all of them. */
    void publish() {
        published++;
    }

    private int venueIndexOf(long venueId) {
        Integer known = venueIndex.get(venueId);
        if (known != null) {
            return known;
        }
        int index = venueCount++;
        if (index == venues.length) {
            venues = Arrays.copyOf(venues, index * 2);
            venueIds = Arrays.copyOf(venueIds, index * 2);
        }
        venueIds[index] = venueId;
        venues[index] = new VenueLog();
        venueIndex.put(venueId, index);
        return index;
    }

    private int personIndexOf(long personId) {
        Integer known = personIndex.get(personId);
        if (known != null) {
            return known;
        }
        int index = personCount++;
        if (index == persons.length) {
            persons = Arrays.copyOf(persons, index * 2);
            personIds = Arrays.copyOf(personIds, index * 2);
        }
        personIds[index] = personId;
        persons[index] = Slab.EMPTY;
        personIndex.put(personId, index);
        return index;
    }

    /** Check-ins held. */
    long size() {
        return entries;
    }

    /** Bytes the arrays take (with their slack), the per-object headers and the two id maps, estimated. */
    long bytes() {
        long bytes = 0;
        for (int v = 0; v < venueCount; v++) {
            for (Chunk chunk : venues[v].chunks) {
                bytes += 16L * 5 + 32 + (long) chunk.ins.length * (4 + 4 + 8 + 4 + 4);
            }
        }
        for (int p = 0; p < personCount; p++) {
            bytes += 16 + 24 + (long) persons[p].entries.length * 8;
        }
        bytes += (long) persons.length * 12 + (long) venues.length * 12;
        bytes += (long) (venueCount + personCount) * 64; // ConcurrentHashMap nodes and boxed keys and values
        return bytes;
    }

    // ---------------------------------------------------------------- reading (any thread)

    private long acquire() {
        return published;
    }

    /** Visits the check-ins at the venue whose check-in second is in [from, to), ordered by check-in second. */
    void scanVenue(long venueId, long from, long to, long horizon, PresenceIndex.Visitor visitor) {
        acquire();
        Integer venue = venueIndex.get(venueId);
        if (venue == null || from >= to) {
            return;
        }
        int low = clamp(from);
        int high = clamp(to);
        Chunk[] chunks = venues[venue].chunks;
        for (int c = VenueLog.firstChunk(chunks, low); c < chunks.length; c++) {
            Chunk chunk = chunks[c];
            int size = chunk.size;
            // read after the size: the persons of the entries it covers are there
            long[] ids = personIds;
            Slab[] slabs = persons;
            for (int i = lowerBound(chunk.ins, size, low); i < size; i++) {
                int in = chunk.ins[i];
                if (in >= high) {
                    return;
                }
                int person = chunk.persons[i];
                visitor.visit(chunk.ids[i], ids[person], venueId, BASE + in, second(chunk.outs[i]),
                        next(slabs[person], in, horizon));
            }
        }
    }

    /** A cursor over the venue's check-ins with a check-in second in [from, to). */
    PresenceIndex.VenueCursor venue(long venueId, long from, long to) {
        return venue(venueId, from, to, Long.MIN_VALUE, 0);
    }

    /**
     * {@link #venue(long, long, long)}, but may leave out check-ins that ended by {@code endedBy}: whole chunks
     * whose check-outs and whose check-ins plus {@code length} are all at or before it (a check-in without a
     * check-out lasts {@code length}).
     */
    PresenceIndex.VenueCursor venue(long venueId, long from, long to, long endedBy, long length) {
        acquire();
        Integer venue = venueIndex.get(venueId);
        if (venue == null || from >= to) {
            return Cursor.EMPTY;
        }
        long skipUpTo = endedBy < Long.MIN_VALUE + BASE ? Long.MIN_VALUE : endedBy - BASE;
        return new Cursor(this, venues[venue].chunks, clamp(from), clamp(to), skipUpTo, Math.max(0, length));
    }

    private static final class Cursor implements PresenceIndex.VenueCursor {

        static final Cursor EMPTY = new Cursor(null, new Chunk[0], 0, 0, Long.MIN_VALUE, 0);

        private final PresenceLog log;
        private final Chunk[] chunks;
        private final int high;
        /** Chunks whose stays all ended by this (offset) are skipped; {@link #length} for those without out. */
        private final long endedBy;
        private final long length;
        private int c;
        private int i;
        private Chunk chunk;
        private int size;
        private long[] personIds;
        private Slab[] persons;

        Cursor(PresenceLog log, Chunk[] chunks, int low, int high, long endedBy, long length) {
            this.log = log;
            this.chunks = chunks;
            this.high = high;
            this.endedBy = endedBy;
            this.length = length;
            this.c = chunks.length == 0 ? 0 : VenueLog.firstChunk(chunks, low);
            if (c < chunks.length) {
                load();
                i = lowerBound(chunk.ins, size, low) - 1;
                if (size > 0 && ended(chunk, size)) {
                    i = size - 1; // skipped: advance() moves to the next chunk
                }
            }
        }

        private boolean ended(Chunk candidate, int entries) {
            return Math.max((long) candidate.maxOut, (long) candidate.ins[entries - 1] + length) <= endedBy;
        }

        private void load() {
            chunk = chunks[c];
            size = chunk.size;
            // read after the size: the persons of the entries it covers are there
            personIds = log.personIds;
            persons = log.persons;
        }

        @Override
        public boolean advance() {
            if (c >= chunks.length) {
                return false;
            }
            i++;
            while (i >= size) {
                c++;
                if (c >= chunks.length) {
                    return false;
                }
                load();
                i = 0;
                if (size > 0 && chunk.ins[0] < high && ended(chunk, size)) {
                    i = size; // every stay in it ended by endedBy: skip it
                }
            }
            if (chunk.ins[i] >= high) {
                c = chunks.length;
                return false;
            }
            return true;
        }

        @Override
        public long checkinId() {
            return chunk.ids[i];
        }

        @Override
        public long personId() {
            return personIds[chunk.persons[i]];
        }

        @Override
        public long in() {
            return BASE + chunk.ins[i];
        }

        @Override
        public long out() {
            return second(chunk.outs[i]);
        }

        @Override
        public long next(long before) {
            // kept with the entry (no look-up in the person's check-ins): the hottest read of a second-degree search
            int next = chunk.nexts[i];
            return next != NO_NEXT && BASE + next < before ? BASE + next : PresenceIndex.NO_NEXT;
        }
    }

    /** Visits the person's check-ins whose check-in second is in [from, to), ordered by check-in second. */
    void scanPerson(long personId, long from, long to, long horizon, PresenceIndex.Visitor visitor) {
        acquire();
        Integer person = personIndex.get(personId);
        if (person == null || from >= to) {
            return;
        }
        int low = clamp(from);
        int high = clamp(to);
        Slab slab = persons[person];
        int size = slab.size;
        long[] entries = slab.entries;
        VenueLog[] logs = venues;
        long[] venueIdsNow = venueIds;
        for (int i = Slab.lowerBound(entries, size, (long) low << 32); i < size; i++) {
            long entry = entries[i];
            if (i > 0 && entries[i - 1] == entry) {
                continue; // same second, same venue: all of them were visited with the first
            }
            int in = (int) (entry >>> 32);
            if (in >= high) {
                return;
            }
            int venue = (int) entry;
            Chunk[] chunks = logs[venue].chunks;
            long next = next(slab, in, horizon);
            for (int c = VenueLog.firstChunk(chunks, in); c < chunks.length; c++) {
                Chunk chunk = chunks[c];
                int chunkSize = chunk.size;
                int j = lowerBound(chunk.ins, chunkSize, in);
                for (; j < chunkSize && chunk.ins[j] == in; j++) {
                    if (chunk.persons[j] == person) {
                        visitor.visit(chunk.ids[j], personId, venueIdsNow[venue], BASE + in, second(chunk.outs[j]), next);
                    }
                }
                if (j < chunkSize) {
                    break;
                }
            }
        }
    }

    /** The person's first check-in second after {@code in} and before {@code in + horizon}, or NO_NEXT. */
    private static long next(Slab slab, int in, long horizon) {
        int size = slab.size;
        int i = Slab.lowerBound(slab.entries, size, (long) (in + 1) << 32);
        if (i < size) {
            long at = slab.entries[i] >>> 32;
            if (at - in < horizon) {
                return BASE + at;
            }
        }
        return PresenceIndex.NO_NEXT;
    }

    private static long second(int out) {
        return out == NO_OUT ? PresenceIndex.NO_OUT : BASE + out;
    }

    private static int clamp(long second) {
        long offset = second - BASE;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, offset));
    }

    static int lowerBound(int[] values, int size, int key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int upperBound(int[] values, int size, int key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    // ---------------------------------------------------------------- structures

    /** A venue's check-ins: chunks in check-in order; only the last one grows in place. */
    static final class VenueLog {

        volatile Chunk[] chunks = new Chunk[0];

        /** The first chunk that may hold a check-in at or after {@code in}. */
        static int firstChunk(Chunk[] chunks, int in) {
            int low = 0;
            int high = chunks.length;
            // the last chunk whose first check-in is before in (earlier ones end before in, or at it)
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (chunks[middle].size > 0 && chunks[middle].ins[0] < in) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return Math.max(0, low - 1);
        }

        /** {chunk, position} of the check-in with this second and id, or null. */
        int[] find(int in, long id) {
            Chunk[] all = chunks;
            for (int c = firstChunk(all, in); c < all.length; c++) {
                Chunk chunk = all[c];
                int size = chunk.size;
                int j = lowerBound(chunk.ins, size, in);
                for (; j < size && chunk.ins[j] == in; j++) {
                    if (chunk.ids[j] == id) {
                        return new int[] {c, j};
                    }
                }
                if (j < size) {
                    return null;
                }
            }
            return null;
        }

        void insert(int in, int person, long id, int out, int next) {
            Chunk[] all = chunks;
            if (all.length == 0) {
                Chunk first = new Chunk(FIRST_CAPACITY);
                first.append(in, person, id, out, next);
                chunks = new Chunk[] {first};
                return;
            }
            Chunk last = all[all.length - 1];
            if (last.size == 0 || last.ins[last.size - 1] <= in) {
                if (last.size < last.ins.length) {
                    last.append(in, person, id, out, next);
                } else if (last.ins.length < CHUNK) {
                    // a small venue's only chunk grows by copies, so that it does not take a whole chunk
                    Chunk bigger = new Chunk(Math.min(CHUNK, last.ins.length * 2));
                    bigger.copyRange(last, 0, last.size);
                    bigger.append(in, person, id, out, next);
                    Chunk[] replaced = all.clone();
                    replaced[all.length - 1] = bigger;
                    chunks = replaced;
                } else {
                    Chunk fresh = new Chunk(FIRST_CAPACITY);
                    fresh.append(in, person, id, out, next);
                    Chunk[] more = Arrays.copyOf(all, all.length + 1);
                    more[all.length] = fresh;
                    chunks = more;
                }
                return;
            }
            // older than the venue's latest: copy the chunk it belongs in, with it
            int c = all.length - 1;
            while (c > 0 && all[c].ins[0] > in) {
                c--;
            }
            Chunk chunk = all[c];
            int at = upperBound(chunk.ins, chunk.size, in);
            int size = chunk.size + 1;
            boolean tail = c == all.length - 1;
            if (size <= 2 * CHUNK) {
                Chunk copy = new Chunk(tail ? size + Math.max(FIRST_CAPACITY, size / 4) : size);
                copy.fill(chunk, 0, at, in, person, id, out, next, chunk.size);
                Chunk[] replaced = all.clone();
                replaced[c] = copy;
                chunks = replaced;
            } else {
                Chunk whole = new Chunk(size);
                whole.fill(chunk, 0, at, in, person, id, out, next, chunk.size);
                int half = size / 2;
                Chunk left = new Chunk(half);
                Chunk right = new Chunk(tail ? size - half + CHUNK / 8 : size - half);
                left.copyRange(whole, 0, half);
                right.copyRange(whole, half, size);
                Chunk[] split = new Chunk[all.length + 1];
                System.arraycopy(all, 0, split, 0, c);
                split[c] = left;
                split[c + 1] = right;
                System.arraycopy(all, c + 1, split, c + 2, all.length - c - 1);
                chunks = split;
            }
        }

        long purgeBefore(int cutoff) {
            Chunk[] all = chunks;
            int drop = 0;
            long removed = 0;
            while (drop < all.length && (all[drop].size == 0 || all[drop].ins[all[drop].size - 1] < cutoff)) {
                removed += all[drop].size;
                drop++;
            }
            if (drop == all.length) {
                chunks = new Chunk[0];
                return removed;
            }
            Chunk first = all[drop];
            int cut = lowerBound(first.ins, first.size, cutoff);
            Chunk[] kept = Arrays.copyOfRange(all, drop, all.length);
            if (cut > 0) {
                Chunk rest = new Chunk(Math.max(first.ins.length - cut, 1));
                rest.copyRange(first, cut, first.size);
                kept[0] = rest;
                removed += cut;
            }
            chunks = kept;
            return removed;
        }
    }

    /** Parallel arrays; entries [0, size) are final once published, except an out set once. */
    static final class Chunk {

        final int[] ins;
        final int[] persons;
        final long[] ids;
        final int[] outs;
        /**
         * The person's first check-in second after this one's, any venue ({@link #NO_NEXT} if none yet): rule 1's
         * cut, read for every candidate of a search. Set at insert and lowered in place when the person checks in
         * again before it.
         */
        final int[] nexts;
        volatile int size;
        /**
         * The latest check-out of the chunk's entries (or {@link #NO_OUT}): with its last check-in, a bound of when
         * its stays ended, so a reader that only wants stays still there at some time can skip the whole chunk.
         * Written before the entries are published; it only grows.
         */
        int maxOut = NO_OUT;

        Chunk(int capacity) {
            ins = new int[capacity];
            persons = new int[capacity];
            ids = new long[capacity];
            outs = new int[capacity];
            nexts = new int[capacity];
        }

        void append(int in, int person, long id, int out, int next) {
            int i = size;
            ins[i] = in;
            persons[i] = person;
            ids[i] = id;
            outs[i] = out;
            nexts[i] = next;
            maxOut = Math.max(maxOut, out);
            size = i + 1;
        }

        /** This (new) chunk := {@code source[0, n)} with one entry inserted at {@code at}. */
        void fill(Chunk source, int from, int at, int in, int person, long id, int out, int next, int n) {
            System.arraycopy(source.ins, from, ins, 0, at);
            System.arraycopy(source.persons, from, persons, 0, at);
            System.arraycopy(source.ids, from, ids, 0, at);
            System.arraycopy(source.outs, from, outs, 0, at);
            System.arraycopy(source.nexts, from, nexts, 0, at);
            ins[at] = in;
            persons[at] = person;
            ids[at] = id;
            outs[at] = out;
            nexts[at] = next;
            System.arraycopy(source.ins, at, ins, at + 1, n - at);
            System.arraycopy(source.persons, at, persons, at + 1, n - at);
            System.arraycopy(source.ids, at, ids, at + 1, n - at);
            System.arraycopy(source.outs, at, outs, at + 1, n - at);
            System.arraycopy(source.nexts, at, nexts, at + 1, n - at);
            maxOut = Math.max(source.maxOut, out);
            size = n + 1;
        }

        /** This (new) chunk := {@code source[from, to)}. */
        void copyRange(Chunk source, int from, int to) {
            int n = to - from;
            System.arraycopy(source.ins, from, ins, 0, n);
            System.arraycopy(source.persons, from, persons, 0, n);
            System.arraycopy(source.ids, from, ids, 0, n);
            System.arraycopy(source.outs, from, outs, 0, n);
            System.arraycopy(source.nexts, from, nexts, 0, n);
            int max = NO_OUT;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, outs[k]);
            }
            maxOut = max;
            size = n;
        }
    }

    /** A person's {@code in << 32 | venue} entries, sorted; copied when one lands in the middle or it is full. */
    static final class Slab {

        static final Slab EMPTY = new Slab(new long[0], 0);

        final long[] entries;
        volatile int size;

        Slab(long[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }

        /** This slab with the entry: itself when appended in place, else a copy. */
        Slab insert(long entry) {
            int n = size;
            if ((n == 0 || entries[n - 1] <= entry) && n < entries.length) {
                entries[n] = entry;
                size = n + 1;
                return this;
            }
            long[] copy = new long[Math.max(4, n < entries.length ? entries.length : n + (n >> 1) + 1)];
            int at = upperBound(entries, n, entry);
            System.arraycopy(entries, 0, copy, 0, at);
            copy[at] = entry;
            System.arraycopy(entries, at, copy, at + 1, n - at);
            return new Slab(copy, n + 1);
        }

        Slab purgeBefore(int cutoff) {
            int cut = lowerBound(entries, size, (long) cutoff << 32);
            if (cut == 0) {
                return this;
            }
            return new Slab(Arrays.copyOfRange(entries, cut, entries.length), size - cut);
        }

        static int lowerBound(long[] values, int size, long key) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] < key) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private static int upperBound(long[] values, int size, long key) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] <= key) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    // ---------------------------------------------------------------- bulk load

    /** Collects check-ins in any order (a table scan), then sorts each venue and person once. */
    static final class Builder {

        private final Map<Long, Integer> venues = new java.util.HashMap<>();
        private final Map<Long, Integer> persons = new java.util.HashMap<>();
        private final java.util.List<Rows> venueRows = new java.util.ArrayList<>();
        private final java.util.List<long[]> personEntries = new java.util.ArrayList<>();
        private int[] personSizes = new int[4096];
        private long[] venueIdList = new long[256];
        private long[] personIdList = new long[4096];
        private long count;

        void add(long id, long personId, long venueId, long inSecond, long outSecond) {
            int in = offset(inSecond);
            int out = outOffset(outSecond);
            Integer venue = venues.get(venueId);
            if (venue == null) {
                venue = venueRows.size();
                venues.put(venueId, venue);
                venueRows.add(new Rows());
                if (venue == venueIdList.length) {
                    venueIdList = Arrays.copyOf(venueIdList, venue * 2);
                }
                venueIdList[venue] = venueId;
            }
            Integer person = persons.get(personId);
            if (person == null) {
                person = personEntries.size();
                persons.put(personId, person);
                personEntries.add(new long[8]);
                if (person == personIdList.length) {
                    personIdList = Arrays.copyOf(personIdList, person * 2);
                    personSizes = Arrays.copyOf(personSizes, person * 2);
                }
                personIdList[person] = personId;
            }
            venueRows.get(venue).add(in, person, id, out);
            long[] entries = personEntries.get(person);
            int n = personSizes[person];
            if (n == entries.length) {
                entries = Arrays.copyOf(entries, n * 2);
                personEntries.set(person, entries);
            }
            entries[n] = (long) in << 32 | venue;
            personSizes[person] = n + 1;
            count++;
        }

        long count() {
            return count;
        }

        PresenceLog build() {
            PresenceLog log = new PresenceLog();
            int venueCount = venueRows.size();
            VenueLog[] logs = new VenueLog[Math.max(256, venueCount)];
            for (int v = 0; v < venueCount; v++) {
                logs[v] = venueRows.get(v).sorted();
                venueRows.set(v, null);
            }
            int personCount = personEntries.size();
            Slab[] slabs = new Slab[Math.max(4096, personCount)];
            for (int p = 0; p < personCount; p++) {
                long[] entries = personEntries.get(p);
                Arrays.sort(entries, 0, personSizes[p]);
                slabs[p] = new Slab(entries, personSizes[p]);
            }
            for (int v = 0; v < venueCount; v++) {
                for (Chunk chunk : logs[v].chunks) {
                    for (int k = 0; k < chunk.size; k++) {
                        chunk.nexts[k] = nextAfter(slabs[chunk.persons[k]], chunk.ins[k]);
                    }
                }
            }
            log.venueCount = venueCount;
            log.personCount = personCount;
            log.venueIds = Arrays.copyOf(venueIdList, logs.length);
            log.personIds = Arrays.copyOf(personIdList, slabs.length);
            log.venues = logs;
            log.persons = slabs;
            log.venueIndex.putAll(venues);
            log.personIndex.putAll(persons);
            log.entries = count;
            log.publish();
            return log;
        }

        /** One venue's rows as read. */
        private static final class Rows {

            int size;
            int[] ins = new int[16];
            int[] persons = new int[16];
            long[] ids = new long[16];
            int[] outs = new int[16];

            void add(int in, int person, long id, int out) {
                if (size == ins.length) {
                    int capacity = size * 2;
                    ins = Arrays.copyOf(ins, capacity);
                    persons = Arrays.copyOf(persons, capacity);
                    ids = Arrays.copyOf(ids, capacity);
                    outs = Arrays.copyOf(outs, capacity);
                }
                ins[size] = in;
                persons[size] = person;
                ids[size] = id;
                outs[size] = out;
                size++;
            }

            /** Chunks of CHUNK entries in check-in order (ties: as read). */
            VenueLog sorted() {
                long[] order = new long[size];
                for (int i = 0; i < size; i++) {
                    order[i] = (long) ins[i] << 32 | i;
                }
                Arrays.sort(order);
                int chunkCount = (size + CHUNK - 1) / CHUNK;
                Chunk[] chunks = new Chunk[chunkCount];
                for (int c = 0; c < chunkCount; c++) {
                    // the last chunk with a little room for today's appends (it grows by copies if needed)
                    Chunk chunk = new Chunk(c < chunkCount - 1 ? CHUNK
                            : Math.min(CHUNK, size - c * CHUNK + FIRST_CAPACITY));
                    int from = c * CHUNK;
                    int to = Math.min(size, from + CHUNK);
                    for (int k = from; k < to; k++) {
                        int i = (int) order[k];
                        chunk.ins[k - from] = ins[i];
                        chunk.persons[k - from] = persons[i];
                        chunk.ids[k - from] = ids[i];
                        chunk.outs[k - from] = outs[i];
                        chunk.maxOut = Math.max(chunk.maxOut, outs[i]);
                    }
                    chunk.size = to - from;
                    chunks[c] = chunk;
                }
                VenueLog log = new VenueLog();
                log.chunks = chunks;
                return log;
            }
        }
    }
}
