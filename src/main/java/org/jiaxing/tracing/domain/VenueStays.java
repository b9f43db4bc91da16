package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The venues' check-ins as far as one run of the rules has read them: each part of a venue's time line is read
 * once, with each person's next check-in (which {@link Timelines} learns), however many case presences or
 * close contacts' presences need it. {@link #prefetch} reads the union of many ranges per venue up front, so
 * that overlapping ranges (the residents of one gate, a cluster's shared venues) cost one query.
 */
final class VenueStays {

    /** A range of check-in times [from, to) at a venue, epoch seconds. */
    record Range(long venueId, long from, long to) {
    }

    private final Presences presences;
    private final Timelines timelines;
    private final long horizon;
    private final Map<Long, Venue> venues = new HashMap<>();

    VenueStays(Presences presences, Timelines timelines, long horizon) {
        this.presences = presences;
        this.timelines = timelines;
        this.horizon = horizon;
    }

    /** Reads, per venue, the merged ranges that are not read yet. */
    void prefetch(List<Range> ranges) {
        List<Range> sorted = ranges.stream().filter(range -> range.from() < range.to())
                .sorted(Comparator.comparingLong(Range::venueId).thenComparingLong(Range::from)).toList();
        Range pending = null;
        for (Range range : sorted) {
            if (pending != null && pending.venueId() == range.venueId() && range.from() <= pending.to()) {
                pending = new Range(pending.venueId(), pending.from(), Math.max(pending.to(), range.to()));
            } else {
                if (pending != null) {
                    at(pending.venueId(), pending.from(), pending.to());
                }
                pending = range;
            }
        }
        if (pending != null) {
            at(pending.venueId(), pending.from(), pending.to());
        }
    }

    /** The stays at the venue with a check-in time in [from, to), oldest first; reads only what is missing. */
    List<Stay> at(long venueId, long from, long to) {
        if (from >= to) {
            return List.of();
        }
        Venue venue = venues.computeIfAbsent(venueId, id -> new Venue());
        for (long[] gap : venue.missing(from, to)) {
            for (FollowedStay stay : presences.atVenueFollowed(venueId, gap[0], gap[1], horizon)) {
                timelines.learn(stay);
                venue.stays.add(stay.stay());
            }
            venue.cover(gap[0], gap[1]);
            venue.sorted = false;
        }
        return venue.slice(from, to);
    }

    private static final class Venue {

        private final List<Stay> stays = new ArrayList<>();
        /** Disjoint read ranges [from, to), by start. */
        private final List<long[]> read = new ArrayList<>();
        private boolean sorted = true;

        List<long[]> missing(long from, long to) {
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

        void cover(long from, long to) {
            read.add(new long[] {from, to});
            read.sort(Comparator.comparingLong(range -> range[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] range : read) {
                long[] last = merged.isEmpty() ? null : merged.getLast();
                if (last != null && range[0] <= last[1]) {
                    last[1] = Math.max(last[1], range[1]);
                } else {
                    merged.add(new long[] {range[0], range[1]});
                }
            }
            read.clear();
            read.addAll(merged);
        }

        List<Stay> slice(long from, long to) {
            if (!sorted) {
                stays.sort(Timelines.BY_TIME);
                sorted = true;
            }
            int low = 0;
            int high = stays.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (stays.get(middle).in() < from) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            List<Stay> found = new ArrayList<>();
            for (int i = low; i < stays.size() && stays.get(i).in() < to; i++) {
                found.add(stays.get(i));
            }
            return found;
        }
    }
}
