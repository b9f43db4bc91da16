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
 * check-in + dwell) is after start. So a venue is read fully from {@code start - dwell}; further back, to
 * {@code start - lookback}, only stays checked out more than {@code dwell} after their check-in can matter, and
 * only those are read (offices: the workers who checked out after a long day). What is returned is a superset:
 * the engine checks each stay's end.
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

    /** Reads, per venue, the merged needs that are not read yet: all stays first, then the long ones. */
    void prefetch(List<During> needs) {
        List<long[]> full = new ArrayList<>();
        List<long[]> longOnes = new ArrayList<>();
        for (During need : needs) {
            long dwell = rules.forVenue(need.venueId()).dwell();
            full.add(new long[] {need.venueId(), need.start() - dwell, need.end()});
            longOnes.add(new long[] {need.venueId(), need.start() - rules.lookback(), need.start() - dwell});
        }
        merged(full).forEach(range -> readAll(venue(range[0]), range[0], range[1], range[2]));
        merged(longOnes).forEach(range -> readLong(venue(range[0]), range[0], range[1], range[2]));
    }

    /** The stays at the venue that may be present during [start, end) (and perhaps a few more), oldest first. */
    List<Stay> during(long venueId, long start, long end) {
        if (start >= end) {
            return List.of();
        }
        Venue venue = venue(venueId);
        long dwell = rules.forVenue(venueId).dwell();
        readAll(venue, venueId, start - dwell, end);
        readLong(venue, venueId, start - rules.lookback(), start - dwell);
        return venue.slice(start - rules.lookback(), end);
    }

    private Venue venue(long venueId) {
        return venues.computeIfAbsent(venueId, id -> new Venue());
    }

    private void readAll(Venue venue, long venueId, long from, long to) {
        for (long[] gap : missing(from, to, venue.readAll)) {
            venue.add(presences.atVenueFollowed(venueId, gap[0], gap[1], rules.lookback()), timelines);
            venue.readAll = cover(venue.readAll, gap);
        }
    }

    private void readLong(Venue venue, long venueId, long from, long to) {
        long dwell = rules.forVenue(venueId).dwell();
        for (long[] gap : missing(from, to, cover(venue.readAll, venue.readLong))) {
            venue.add(presences.longStaysAtVenueFollowed(venueId, gap[0], gap[1], dwell, rules.lookback()), timelines);
            venue.readLong = cover(venue.readLong, gap);
        }
    }

    /** [venue, from, to] ranges, overlapping or touching ones of a venue merged. */
    private static List<long[]> merged(List<long[]> ranges) {
        List<long[]> sorted = ranges.stream().filter(range -> range[1] < range[2])
                .sorted(Comparator.<long[]>comparingLong(range -> range[0]).thenComparingLong(range -> range[1])).toList();
        List<long[]> merged = new ArrayList<>();
        for (long[] range : sorted) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && last[0] == range[0] && range[1] <= last[2]) {
                last[2] = Math.max(last[2], range[2]);
            } else {
                merged.add(range.clone());
            }
        }
        return merged;
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

    private static List<long[]> cover(List<long[]> read, long[] range) {
        return cover(read, List.<long[]>of(range));
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
