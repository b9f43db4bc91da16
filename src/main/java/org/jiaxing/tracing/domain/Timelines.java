package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the rules knows about persons' check-ins: the persons' own check-ins as far as read (in bulk
 * for cases and close contacts), and for each stay read with its next check-in ({@link FollowedStay}) where
 * rule 1 ends it. A stay's end needs the person's own check-ins only when neither answers it.
 */
final class Timelines {

    static final Comparator<Stay> BY_TIME = Comparator.comparingLong(Stay::in).thenComparingLong(Stay::checkinId);

    private final Presences presences;
    private final RuleBook rules;
    private final Map<Long, Loaded> loaded = new HashMap<>();
    private final Map<Long, FollowedStay> followed = new HashMap<>();

    Timelines(Presences presences, RuleBook rules) {
        this.presences = presences;
        this.rules = rules;
    }

    /** Reads the check-ins over [from, to) of those of the persons not read that far yet, in one bulk read. */
    void load(Collection<Long> personIds, long from, long to) {
        if (from >= to) {
            return;
        }
        List<Long> missing = personIds.stream().distinct().filter(person -> !covers(loaded.get(person), from, to))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Long, List<Stay>> byPerson = new LinkedHashMap<>();
        missing.forEach(person -> byPerson.put(person, new ArrayList<>()));
        for (FollowedStay stay : presences.ofPersonsFollowed(missing, from, to, rules.lookback())) {
            learn(stay);
            byPerson.computeIfAbsent(stay.stay().personId(), person -> new ArrayList<>()).add(stay.stay());
        }
        byPerson.forEach((person, stays) -> loaded.merge(person, new Loaded(from, to, sorted(stays)), Loaded::union));
    }

    /** Remembers where rule 1 ends this stay, as far as its source knew (a second read never knows less). */
    void learn(FollowedStay stay) {
        followed.merge(stay.stay().checkinId(), stay, (known, fresh) -> known.next() != null
                || fresh.next() == null && known.knownUntil() >= fresh.knownUntil() ? known : fresh);
    }

    /** The person's check-ins with a check-in time in [from, to), oldest first. */
    List<Stay> stays(long personId, long from, long to) {
        if (from >= to) {
            return List.of();
        }
        Loaded timeline = ensure(personId, from, to);
        return timeline.stays.stream().filter(stay -> stay.in() >= from && stay.in() < to).toList();
    }

    /**
     * Rule 1: end = out if recorded and after in, else in + dwell; then cut at the person's first later
     * check-in (any venue) that starts before that end.
     */
    long end(Stay stay) {
        long end = rawEnd(stay);
        FollowedStay known = followed.get(stay.checkinId());
        if (known != null) {
            if (known.next() != null) {
                return Math.min(end, known.next());
            }
            if (end <= known.knownUntil()) {
                return end;
            }
        }
        for (Stay later : stays(stay.personId(), stay.in() + 1, end)) {
            return later.in();
        }
        return end;
    }

    /**
     * The end before rule 1's cut: an upper bound of {@link #end}, known without reading the person's other
     * check-ins (so stays that ended before a window are dropped without a query).
     */
    long rawEnd(Stay stay) {
        return stay.out() != null && stay.out() > stay.in() ? stay.out() : stay.in() + rules.forVenue(stay.venueId()).dwell();
    }

    /** Reads the person's check-ins over [from, to) unless already read (widening what was read before). */
    private Loaded ensure(long personId, long from, long to) {
        Loaded timeline = loaded.get(personId);
        if (covers(timeline, from, to)) {
            return timeline;
        }
        long newFrom = timeline == null ? from : Math.min(timeline.from, from);
        long newTo = timeline == null ? to : Math.max(timeline.to, to);
        Loaded fresh = new Loaded(newFrom, newTo, sorted(presences.ofPerson(personId, newFrom, newTo)));
        loaded.put(personId, fresh);
        return fresh;
    }

    private static boolean covers(Loaded timeline, long from, long to) {
        return timeline != null && timeline.from <= from && timeline.to >= to;
    }

    private static List<Stay> sorted(List<Stay> stays) {
        return stays.stream().sorted(BY_TIME).toList();
    }

    private record Loaded(long from, long to, List<Stay> stays) {

        /** Both reads as one when they touch; otherwise the newer one (a gap must not look read). */
        Loaded union(Loaded newer) {
            if (newer.from > to || newer.to < from) {
                return newer;
            }
            Map<Long, Stay> byId = new LinkedHashMap<>();
            stays.forEach(stay -> byId.put(stay.checkinId(), stay));
            newer.stays.forEach(stay -> byId.put(stay.checkinId(), stay));
            return new Loaded(Math.min(from, newer.from), Math.max(to, newer.to), sorted(new ArrayList<>(byId.values())));
        }
    }
}
