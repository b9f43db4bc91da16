package org.jiaxing.checkin.domain;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.shared.time.DbTime;

/**
 * The dedup index: the latest open, accepted check-in per (person, venue) of the last dedup window.
 * Because a single writer owns all check-in writes, deciding "duplicate or new" against this map costs
 * no query, and no other process can insert behind its back (single node; see {@link GroupCommitRecorder}
 * for the scale-out plan).
 *
 * <p>Not thread-safe on purpose: only the writer thread touches it (after loading at start-up). Entries
 * are kept in insertion order, which is check-in order, and the window counts from the check-in time,
 * so expired entries are always at the head and eviction is cheap. When full, the oldest go first:
 * dedup then falls back to "new record", never to folding a scan into the wrong check-in.
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

    private final int capacity;
    private final Map<Key, Open> byKey;
    private long evictedForSpace;

    RecentCheckins(int capacity) {
        this.capacity = capacity;
        this.byKey = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false);
    }

    Open find(Key key) {
        return byKey.get(key);
    }

    /** Keeps {@code open} unless a later check-in of the same pair is already known. */
    void remember(Open open) {
        Open known = byKey.get(open.key());
        if (known != null && known.checkedInAt() > open.checkedInAt()) {
            return;
        }
        if (known != null && known.checkedInAt() != open.checkedInAt()) {
            byKey.remove(open.key()); // re-insert at the tail: the order must stay check-in order
        }
        byKey.put(open.key(), open);
        if (byKey.size() > capacity) {
            Iterator<Open> eldest = byKey.values().iterator();
            eldest.next();
            eldest.remove();
            evictedForSpace++;
        }
    }

    /** Forgets the pair if its known check-in is {@code checkinId} (it was checked out). */
    void forget(Key key, long checkinId) {
        Open known = byKey.get(key);
        if (known != null && known.id() == checkinId) {
            byKey.remove(key);
        }
    }

    /** Drops entries that checked in before {@code cutoffMillis}: no scan can fall into their window any more. */
    void evictCheckedInBefore(long cutoffMillis) {
        Iterator<Open> oldestFirst = byKey.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().checkedInAt() < cutoffMillis) {
            oldestFirst.remove();
        }
    }

    int size() {
        return byKey.size();
    }

    long evictedForSpace() {
        return evictedForSpace;
    }
}
