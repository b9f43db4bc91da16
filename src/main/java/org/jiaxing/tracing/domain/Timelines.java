package org.jiaxing.tracing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each person's check-ins as far as one run of the rules has needed them, read once per range, so that
 * rule 1 (a presence ends at the person's next check-in) costs one query per person, not per check-in.
 */
final class Timelines {

    private final Presences presences;
    private final RuleBook rules;
    private final Map<Long, Loaded> loaded = new HashMap<>();

    Timelines(Presences presences, RuleBook rules) {
        this.presences = presences;
        this.rules = rules;
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
        if (timeline != null && timeline.from <= from && timeline.to >= to) {
            return timeline;
        }
        long newFrom = timeline == null ? from : Math.min(timeline.from, from);
        long newTo = timeline == null ? to : Math.max(timeline.to, to);
        Loaded fresh = new Loaded(newFrom, newTo, sorted(presences.ofPerson(personId, newFrom, newTo)));
        loaded.put(personId, fresh);
        return fresh;
    }

    private static List<Stay> sorted(List<Stay> stays) {
        return stays.stream()
                .sorted((a, b) -> a.in() != b.in() ? Long.compare(a.in(), b.in()) : Long.compare(a.checkinId(), b.checkinId()))
                .toList();
    }

    private record Loaded(long from, long to, List<Stay> stays) {
    }
}
