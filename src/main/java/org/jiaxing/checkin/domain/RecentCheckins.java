package org.jiaxing.checkin.domain;

import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.shared.time.DbTime;

/**
 * The dedup index: the latest open, accepted check-in per (person, venue) of the last dedup window.
 * Because a single writer owns all check-in writes, deciding "duplicate or new" against this index costs
 * no query, and no other process can insert behind its back (single node; see {@link GroupCommitRecorder}
 * for the scale-out plan).
 *
 * <p>Not thread-safe on purpose: only the writer thread touches it (after loading at start-up). Entries
 * are kept in insertion order, which is check-in order, and the window counts from the check-in time,
 * so expired entries are always at the head and eviction is cheap. When full, the oldest go first:
 * dedup then falls back to "new record", never to folding a scan into the wrong check-in.
 *
 * <p>Compact and preallocated (decision in docs/DECISIONS.md): at 2 M entries a map of records cost ~150 B
 * per entry and grew with the day (its heap only stopped growing once the index was full), and every
 * check-in allocated its key, value and map node. Here the entries live in parallel primitive arrays used
 * as a ring in check-in order (41 B per entry), found through an open-addressing table of ring positions
 * (linear probing, at most half full, 8 B per entry): all of it allocated once at start-up, so the memory
 * is the same from the first minute, and remembering or finding an entry allocates nothing (a hit builds
 * the one {@link Open} it answers with). A removed entry (checked out, or replaced by a later check-in of
 * the same pair) is taken out of the table at once; its ring slot is freed when it reaches the head. So
 * "full" means the ring is full: with many check-outs in the window, fewer than {@code capacity} open
 * check-ins may be held - still the oldest go first.
 */
final class RecentCheckins {

    record Key(long personId, long venueId) {
    }

    /**
     * What dedup needs of an open check-in, and what it answers a duplicate with.
     *
     * @param lastSeenAt epoch millis of the latest duplicate scan, 0 when there was none
     */
    record Open(long id, long personId, long venueId, long checkedInAt, long lastSeenAt, CheckinChannel channel) {

        Key key() {
            return new Key(personId, venueId);
        }

        /** Whether a scan at {@code at} falls into this check-in's window: [check-in, check-in + window). */
        boolean covers(long at, long windowMillis) {
            return at >= checkedInAt && at < checkedInAt + windowMillis;
        }

        Open seenAt(long at) {
            return new Open(id, personId, venueId, checkedInAt, Math.max(lastSeenAt, at), channel);
        }

        Checkin toCheckin() {
            return new Checkin(id, personId, venueId, DbTime.fromDb(checkedInAt), null,
                    lastSeenAt == 0 ? null : DbTime.fromDb(lastSeenAt), false, channel);
        }

        /** The check-in as it is once checked out at {@code checkedOutAt} (epoch millis). */
        Checkin toCheckin(long checkedOutAt) {
            return new Checkin(id, personId, venueId, DbTime.fromDb(checkedInAt), DbTime.fromDb(checkedOutAt),
                    lastSeenAt == 0 ? null : DbTime.fromDb(lastSeenAt), false, channel);
        }
    }

    private static final CheckinChannel[] CHANNELS = CheckinChannel.values();
    /** In {@link #channels}: the ring slot holds no entry any more (removed, waiting to reach the head). */
    private static final byte REMOVED = -1;

    private final int capacity;
    // the ring, in check-in order: entry i is (persons[i], venues[i], ...); channels[i] == REMOVED marks a hole
    private final long[] persons;
    private final long[] venues;
    private final long[] ids;
    private final long[] checkedInAts;
    private final long[] lastSeenAts;
    private final byte[] channels;
    /** Ring position of the oldest slot, and how many slots from there are taken (entries and holes). */
    private int head;
    private int used;
    /** Open-addressing table: ring position + 1 of an entry, 0 for a free slot; a power of two long. */
    private final int[] table;
    private final int mask;
    private int size;
    private long evictedForSpace;

    RecentCheckins(int capacity) {
        if (capacity < 1 || capacity > 1 << 29) {
            throw new IllegalArgumentException("capacity must be between 1 and 2^29, was " + capacity);
        }
        this.capacity = capacity;
        this.persons = new long[capacity];
        this.venues = new long[capacity];
        this.ids = new long[capacity];
        this.checkedInAts = new long[capacity];
        this.lastSeenAts = new long[capacity];
        this.channels = new byte[capacity];
        // at most half full: probe sequences stay short (about 1.5 slots for a hit, 2.5 for a miss)
        this.table = new int[Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1];
        this.mask = table.length - 1;
    }

    Open find(Key key) {
        return find(key.personId(), key.venueId());
    }

    /** The known open check-in of the pair, or {@code null}. */
    Open find(long personId, long venueId) {
        int slot = slotOf(personId, venueId);
        if (slot < 0) {
            return null;
        }
        int at = table[slot] - 1;
        return new Open(ids[at], persons[at], venues[at], checkedInAts[at], lastSeenAts[at], CHANNELS[channels[at]]);
    }

    /** Keeps {@code open} unless a later check-in of the same pair is already known. */
    void remember(Open open) {
        int slot = slotOf(open.personId(), open.venueId());
        if (slot >= 0) {
            int at = table[slot] - 1;
            if (checkedInAts[at] > open.checkedInAt()) {
                return;
            }
            if (checkedInAts[at] == open.checkedInAt()) {
                // the same stay, seen again: it keeps its place in the order
                ids[at] = open.id();
                lastSeenAts[at] = open.lastSeenAt();
                channels[at] = (byte) open.channel().ordinal();
                return;
            }
            remove(slot); // a later stay goes to the tail: the order must stay check-in order
        }
        if (used == capacity) {
            dropHead(true);
        }
        int at = ring(head + used);
        used++;
        persons[at] = open.personId();
        venues[at] = open.venueId();
        ids[at] = open.id();
        checkedInAts[at] = open.checkedInAt();
        lastSeenAts[at] = open.lastSeenAt();
        channels[at] = (byte) open.channel().ordinal();
        int free = home(open.personId(), open.venueId());
        while (table[free] != 0) {
            free = (free + 1) & mask;
        }
        table[free] = at + 1;
        size++;
    }

    /** Forgets the pair if its known check-in is {@code checkinId} (it was checked out). */
    void forget(Key key, long checkinId) {
        int slot = slotOf(key.personId(), key.venueId());
        if (slot >= 0 && ids[table[slot] - 1] == checkinId) {
            remove(slot);
        }
    }

    /** Drops entries that checked in before {@code cutoffMillis}: no scan can fall into their window any more. */
    void evictCheckedInBefore(long cutoffMillis) {
        while (used > 0 && (channels[head] == REMOVED || checkedInAts[head] < cutoffMillis)) {
            dropHead(false);
        }
    }

    int size() {
        return size;
    }

    long evictedForSpace() {
        return evictedForSpace;
    }

    int capacity() {
        return capacity;
    }

    /** Frees the oldest ring slot, taking its entry (if it still holds one) out of the table. */
    private void dropHead(boolean forSpace) {
        if (channels[head] != REMOVED) {
            int slot = home(persons[head], venues[head]);
            while (table[slot] != head + 1) {
                slot = (slot + 1) & mask;
            }
            remove(slot);
            if (forSpace) {
                evictedForSpace++;
            }
        }
        head = ring(head + 1);
        used--;
    }

    /** The table slot of the pair's entry, or -1. */
    private int slotOf(long personId, long venueId) {
        int slot = home(personId, venueId);
        int entry;
        while ((entry = table[slot]) != 0) {
            int at = entry - 1;
            if (persons[at] == personId && venues[at] == venueId) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Takes the entry in {@code slot} out: its ring slot becomes a hole, and the table is closed up behind it
     * (backward shift: every later entry of the probe run that may move into the gap does), so lookups
     * never meet a tombstone and the table does not silt up over a long day.
     */
    private void remove(int slot) {
        channels[table[slot] - 1] = REMOVED;
        size--;
        int gap = slot;
        int next = slot;
        while (true) {
            next = (next + 1) & mask;
            int entry = table[next];
            if (entry == 0) {
                break;
            }
            int home = home(persons[entry - 1], venues[entry - 1]);
            // the entry may fill the gap if the gap lies on its probe path: from its home up to where it is
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                table[gap] = entry;
                gap = next;
            }
        }
        table[gap] = 0;
    }

    private int home(long personId, long venueId) {
        long h = personId * 0x9E3779B97F4A7C15L + venueId * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h & mask;
    }

    private int ring(int position) {
        return position >= capacity ? position - capacity : position;
    }
}
