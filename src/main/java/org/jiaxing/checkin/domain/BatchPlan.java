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
 * that extend (and, bringing a check-out, end) an earlier stay. Dedup decisions see the committed index plus the batch's own earlier
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
    private final Map<Long, CheckinStore.Closure> closures = new LinkedHashMap<>();
    /** The same stays as {@link #closures}, whole (the presence index finds them by venue and time). */
    private final Map<Long, Checkin> closed = new LinkedHashMap<>();
    private final List<Checkin> checkedOut = new ArrayList<>();
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
                return duplicateOf(open, checkin);
            }
        }
        long id = ids[nextId++];
        insertedAt.put(id, inserts.size());
        inserts.add(new CheckinStore.NewRow(id, checkin, createdAt, 0));
        events.add(new CheckinRecorded(id, checkin.personId(), checkin.venueId(), checkin.at(), checkin.refused()));
        // a visit that already ended (an imported one with its check-out) is not open: no duplicates join it
        if (!checkin.refused() && checkin.checkedOutAt() == null) {
            Open open = lookup(key);
            if (open == null || open.checkedInAt() <= at) {
                changes.put(key, new Open(id, checkin.personId(), checkin.venueId(), at, 0, checkin.channel()));
            }
        }
        return new CheckinResult(new Checkin(id, checkin.personId(), checkin.venueId(), checkin.at(),
                checkin.checkedOutAt(), null, checkin.refused(), checkin.channel()), false);
    }

    /**
     * The scan joins the open stay and extends it. A duplicate that brings a check-out (an imported visit)
     * ends the stay there, as if the person had pressed "check out": no later scan joins it any more.
     */
    private CheckinResult duplicateOf(Open open, NewCheckin checkin) {
        Key key = open.key();
        Open extended = open.seenAt(checkin.at().toEpochMilli());
        duplicates++;
        extend(extended);
        if (checkin.checkedOutAt() == null) {
            changes.put(key, extended);
            return new CheckinResult(extended.toCheckin(), true);
        }
        // the stay never ends before a scan that was folded into it
        long out = Math.max(checkin.checkedOutAt().toEpochMilli(), extended.lastSeenAt());
        close(extended, out);
        changes.put(key, null);
        return new CheckinResult(extended.toCheckin(out), true);
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

    /**
     * Ends a stay at {@code out} (epoch millis, after its check-in): a stay inserted by this very batch is
     * inserted closed, an earlier one gets an update - for the same reason as {@link #extend}.
     */
    private void close(Open stay, long out) {
        Integer position = insertedAt.get(stay.id());
        if (position != null) {
            CheckinStore.NewRow row = inserts.get(position);
            inserts.set(position, row.closedAt(out));
        } else {
            closures.put(stay.id(), new CheckinStore.Closure(stay.id(), stay.checkedInAt(), out));
            closed.put(stay.id(), stay.toCheckin(out));
        }
    }

    /** A checked-out stay takes no more duplicates: the next scan there is a new visit. */
    void checkedOut(Checkin checkin) {
        checkedOut.add(checkin);
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

    /**
     * Earlier open stays this batch ended with an imported check-out (stays inserted by the batch are
     * inserted closed instead); written together with the inserts and extensions.
     */
    List<CheckinStore.Closure> closures() {
        return List.copyOf(closures.values());
    }

    /** The rows inserted, as check-ins (for the presence index, after the commit). */
    List<Checkin> insertedCheckins() {
        return inserts.stream().map(row -> new Checkin(row.id(), row.checkin().personId(), row.checkin().venueId(),
                row.checkin().at(), row.checkin().checkedOutAt(), null, row.checkin().refused(),
                row.checkin().channel())).toList();
    }

    /**
     * Earlier stays this batch ended: by an imported check-out ({@link #closures()}) and by check-out commands
     * (a database check-out keeps the first one, the presence index too).
     */
    List<Checkin> endedCheckins() {
        List<Checkin> ended = new ArrayList<>(closed.values());
        ended.addAll(checkedOut);
        return ended;
    }

    List<CheckinRecorded> events() {
        return events;
    }

    int duplicates() {
        return duplicates;
    }

    /**
     * After the commit: the batch's dedup decisions become everyone's. Stays that checked in before
     * {@code oldestKept} are not remembered: no scan of now can join them, and an imported visit from days
     * ago appended at the tail would break the index's check-in order, which its eviction relies on.
     */
    void applyTo(RecentCheckins index, long oldestKept) {
        changes.forEach((key, open) -> {
            if (open == null) {
                Open known = index.find(key);
                if (known != null) {
                    index.forget(key, known.id());
                }
            } else if (open.checkedInAt() >= oldestKept) {
                index.remember(open);
            }
        });
    }
}
