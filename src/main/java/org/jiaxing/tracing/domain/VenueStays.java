package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The venues' check-ins as far as one run of the rules has read them. Each part of a venue's time line is read
 * once, with each person's next check-in (which {@link Timelines} learns), however many case presences or close
 * contacts' presences need it; {@link #prefetch} reads the union of many needs per venue up front, so that
 * overlapping ones (the residents of one gate, a cluster's shared venues) cost one query.
 *
 * <p>A stay can be present during [start, end) only if it began before end and its uncut end (check-out, or
 * check-in + dwell) is after start. So each stay from {@code start - dwell} on comes with its next check-in;
 * further back, to {@code start - lookback}, only stays checked out more than {@code dwell} after their check-in
 * can matter (offices: the workers who checked out after a long day), and only theirs is looked up. What is
 * returned is a superset: the engine checks each stay's uncut end first, and reads a person's own check-ins for
 * a stay whose end it needs but was not told.
 */
final class VenueStays {

    /** Stays possibly present at a venue during [start, end), epoch seconds. */
    record During(long venueId, long start, long end) {
    }

    private final Presences presences;
    private final Timelines timelines;
    private final RuleBook rules;
    private final Map<Long, Venue> venues = new HashMap<>();

    VenueStays(Presences presences, Timelines timelines, RuleBook rules) {
        this.presences = presences;
        this.timelines = timelines;
        this.rules = rules;
    }

    /**
     * Reads up front, per venue, what the needs miss: a need whose look-back reaches the previous one is read with
     * it, as one query: a statement costs more than the look-ups of the rows in between, on PostgreSQL by far
     * (planning the look-up over the day partitions), on SQLite too (see docs/PERFORMANCE.md).
     */
    void prefetch(List<During> needs) {
        List<During> sorted = needs.stream().filter(need -> need.start() < need.end())
                .sorted(Comparator.comparingLong(During::venueId).thenComparingLong(During::start)).toList();
        During pending = null;
        for (During need : sorted) {
            if (pending != null && pending.venueId() == need.venueId() && need.start() - rules.lookback() <= pending.end()) {
                pending = new During(pending.venueId(), pending.start(), Math.max(pending.end(), need.end()));
            } else {
                if (pending != null) {
                    during(pending.venueId(), pending.start(), pending.end());
                }
                pending = need;
            }
        }
        if (pending != null) {
            during(pending.venueId(), pending.start(), pending.end());
        }
    }

    /** The stays at the venue that may be present during [start, end) (and perhaps a few more), oldest first. */
    List<Stay> during(long venueId, long start, long end) {
        if (start >= end) {
            return List.of();
        }
        Venue venue = venues.computeIfAbsent(venueId, id -> new Venue());
        long dwell = rules.forVenue(venueId).dwell();
        read(venue, venueId, start - rules.lookback(), start - dwell, end, dwell);
        return venue.slice(start - rules.lookback(), end);
    }

    /**
     * Reads, in one query, what is missing of: every stay with its next check-in in [allFrom, to), and the long
     * ones in [longFrom, allFrom). The query spans all gaps: next check-ins of every stay from the first gap of
     * the full part on, of long stays only before it (re-reading is harmless: stays are kept by id, and what is
     * known of their next check-in is never forgotten).
     */
    private void read(Venue venue, long venueId, long longFrom, long allFrom, long to, long dwell) {
        List<long[]> fullGaps = missing(allFrom, to, venue.readAll);
        List<long[]> longGaps = missing(longFrom, allFrom, cover(venue.readAll, venue.readLong));
        if (fullGaps.isEmpty() && longGaps.isEmpty()) {
            return;
        }
        long from = longGaps.isEmpty() ? fullGaps.getFirst()[0] : longGaps.getFirst()[0];
        long until = fullGaps.isEmpty() ? longGaps.getLast()[1] : fullGaps.getLast()[1];
        long everyFrom = fullGaps.isEmpty() ? until : fullGaps.getFirst()[0];
        venue.add(presences.atVenueFollowed(venueId, from, until, everyFrom, dwell, rules.lookback()), timelines);
        if (everyFrom < until) {
            venue.readAll = cover(venue.readAll, List.<long[]>of(new long[] {everyFrom, until}));
        }
        if (from < everyFrom) {
            venue.readLong = cover(venue.readLong, List.<long[]>of(new long[] {from, everyFrom}));
        }
    }

    /** The parts of [from, to) outside the disjoint, sorted ranges read. */
    private static List<long[]> missing(long from, long to, List<long[]> read) {
        List<long[]> gaps = new ArrayList<>();
        long cursor = from;
        for (long[] range : read) {
            if (range[1] <= cursor || range[0] >= to) {
                continue;
            }
            if (range[0] > cursor) {
                gaps.add(new long[] {cursor, range[0]});
            }
            cursor = Math.max(cursor, range[1]);
        }
        if (cursor < to) {
            gaps.add(new long[] {cursor, to});
        }
        return gaps;
    }

    /** Disjoint, sorted [from, to) ranges covering both arguments. */
    private static List<long[]> cover(List<long[]> read, List<long[]> more) {
        List<long[]> all = new ArrayList<>(read);
        all.addAll(more);
        all.sort(Comparator.comparingLong(range -> range[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] range : all) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range[0] <= last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(new long[] {range[0], range[1]});
            }
        }
        return merged;
    }

    private static final class Venue {

        private final Map<Long, Stay> byId = new LinkedHashMap<>();
        private List<Stay> ordered = List.of();
        private boolean sorted = true;
        /** Where every stay was read, and where only the long ones were: disjoint, sorted [from, to). */
        private List<long[]> readAll = List.of();
        private List<long[]> readLong = List.of();

        void add(List<FollowedStay> stays, Timelines timelines) {
            for (FollowedStay stay : stays) {
                timelines.learn(stay);
                byId.putIfAbsent(stay.stay().checkinId(), stay.stay());
            }
            sorted = false;
        }

        List<Stay> slice(long from, long to) {
            if (!sorted) {
                ordered = byId.values().stream().sorted(Timelines.BY_TIME).toList();
                sorted = true;
            }
            int low = 0;
            int high = ordered.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (ordered.get(middle).in() < from) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            List<Stay> found = new ArrayList<>();
            for (int i = low; i < ordered.size() && ordered.get(i).in() < to; i++) {
                found.add(ordered.get(i));
            }
            return found;
        }
    }
}
