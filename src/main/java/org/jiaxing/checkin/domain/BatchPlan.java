package org.jiaxing.checkin.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinRecorded;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.domain.RecentCheckins.Key;
import org.jiaxing.checkin.domain.RecentCheckins.Open;

/**
 * The writes of one batch, decided in queue order: which scans are new rows and which are duplicates
 * that extend an earlier stay. Dedup decisions see the committed index plus the batch's own earlier
 * decisions, which stay private to the batch until it commits ({@link #applyTo}); if the transaction
 * rolls back, the plan is thrown away and the index never saw it.
 */
final class BatchPlan {

    private final RecentCheckins recent;
    private final long windowMillis;
    private final long createdAt;
    private final long[] ids;
    private int nextId;
    /** Index changes made by this batch; a null value means "forgotten" (checked out). */
    private final Map<Key, Open> changes = new HashMap<>();
    private final List<CheckinStore.NewRow> inserts = new ArrayList<>();
    /** Position in {@link #inserts} of each new row, so that a duplicate of it within the batch updates it. */
    private final Map<Long, Integer> insertedAt = new HashMap<>();
    private final Map<Long, CheckinStore.Extension> extensions = new LinkedHashMap<>();
    private final List<CheckinRecorded> events = new ArrayList<>();
    private int duplicates;

    /**
     * @param ids enough fresh ids for every row the batch may insert (duplicates leave some unused)
     */
    BatchPlan(RecentCheckins recent, long windowMillis, long createdAt, long[] ids) {
        this.recent = recent;
        this.windowMillis = windowMillis;
        this.createdAt = createdAt;
        this.ids = ids;
    }

    CheckinResult record(NewCheckin checkin) {
        Key key = new Key(checkin.personId(), checkin.venueId());
        long at = checkin.at().toEpochMilli();
        if (!checkin.refused()) {
            Open open = lookup(key);
            if (open != null && open.covers(at, windowMillis)) {
                Open extended = open.seenAt(at);
                changes.put(key, extended);
                duplicates++;
                extend(extended);
                return new CheckinResult(extended.toCheckin(), true);
            }
        }
        long id = ids[nextId++];
        insertedAt.put(id, inserts.size());
        inserts.add(new CheckinStore.NewRow(id, checkin, createdAt, 0));
        events.add(new CheckinRecorded(id, checkin.personId(), checkin.venueId(), checkin.at(), checkin.refused()));
        if (!checkin.refused()) {
            Open open = lookup(key);
            if (open == null || open.checkedInAt() <= at) {
                changes.put(key, new Open(id, checkin.personId(), checkin.venueId(), at, 0, checkin.channel()));
            }
        }
        return new CheckinResult(new Checkin(id, checkin.personId(), checkin.venueId(), checkin.at(), null, null,
                checkin.refused(), checkin.channel()), false);
    }

    /**
     * A stay inserted by this very batch gets its last-seen time in the insert; an earlier one an update.
     * (On PostgreSQL the whole batch is one statement, whose update could not see its own inserts.)
     */
    private void extend(Open extended) {
        Integer position = insertedAt.get(extended.id());
        if (position != null) {
            inserts.set(position, inserts.get(position).seenAt(extended.lastSeenAt()));
        } else {
            extensions.put(extended.id(),
                    new CheckinStore.Extension(extended.id(), extended.checkedInAt(), extended.lastSeenAt()));
        }
    }

    /** A checked-out stay takes no more duplicates: the next scan there is a new visit. */
    void checkedOut(Checkin checkin) {
        Key key = new Key(checkin.personId(), checkin.venueId());
        Open open = lookup(key);
        if (open != null && open.id() == checkin.id()) {
            changes.put(key, null);
        }
    }

    private Open lookup(Key key) {
        return changes.containsKey(key) ? changes.get(key) : recent.find(key);
    }

    List<CheckinStore.NewRow> inserts() {
        return inserts;
    }

    List<CheckinStore.Extension> extensions() {
        return List.copyOf(extensions.values());
    }

    List<CheckinRecorded> events() {
        return events;
    }

    int duplicates() {
        return duplicates;
    }

    /** After the commit: the batch's dedup decisions become everyone's. */
    void applyTo(RecentCheckins index) {
        changes.forEach((key, open) -> {
            if (open == null) {
                Open known = index.find(key);
                if (known != null) {
                    index.forget(key, known.id());
                }
            } else {
                index.remember(open);
            }
        });
    }
}
