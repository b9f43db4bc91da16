package org.jiaxing.checkin;

import java.time.Duration;

/**
 * The accepted (not refused) check-ins held in memory, exactly as committed: what {@link CheckinQueries} answers,
 * without a database round trip or an object per row. Kept by the check-in module, which is the only writer of
 * check-ins: every write is applied here after its commit and before its caller is answered, so a read that
 * starts after an acknowledged write sees it.
 *
 * <p>Built from the database at start-up in the background; until then {@link #ready()} is false and a reader
 * must use {@link CheckinQueries}. Switched off with {@code jiaxing.checkin.presence-index.enabled=false} (then
 * never ready). Times are epoch seconds (check-in times floored, as tracing compares them); ranges are on the
 * check-in second, {@code from} inclusive, {@code to} exclusive.
 */
public interface PresenceIndex {

    /** {@link Visitor}'s {@code out} when the check-in has no check-out. */
    long NO_OUT = Long.MIN_VALUE;
    /** {@link Visitor}'s {@code next} when the person has no check-in within the horizon. */
    long NO_NEXT = Long.MIN_VALUE;

    /** Whether the index holds every committed check-in (false while it loads, when off, or after a fault). */
    boolean ready();

    /**
     * The venue's check-ins with a check-in second in [from, to), ordered by check-in second, each with its
     * person's next check-in as {@link CheckinQueries#atVenueWithNext} defines it (the first accepted check-in of
     * the person, any venue, in a later second and before this one's second plus {@code horizonSeconds}).
     */
    void scanVenue(long venueId, long from, long to, long horizonSeconds, Visitor visitor);

    /** The person's check-ins with a check-in second in [from, to), ordered by check-in second, followed as above. */
    void scanPerson(long personId, long from, long to, long horizonSeconds, Visitor visitor);

    /**
     * The venue's check-ins with a check-in second in [from, to), ordered by check-in second, one at a time and
     * without an object per check-in: for hot loops that reject most check-ins on their times alone and want the
     * person's next check-in only for the rest ({@link VenueCursor#next}).
     */
    VenueCursor venue(long venueId, long from, long to);

    /**
     * {@link #venue(long, long, long)}, but it may leave out check-ins that surely ended by {@code endedBy}: whose
     * check-out, or check-in plus {@code length} when there is no check-out after the check-in, is at or before
     * it. (It skips whole blocks of such check-ins; others it still returns, for the reader to check.)
     */
    VenueCursor venue(long venueId, long from, long to, long endedBy, long length);

    /** Rebuilds from the database (after rows were written around the module, e.g. a bulk load); blocks. */
    void rebuild();

    /** What the index holds and costs. */
    Status status();

    /**
     * @param buildTime how long the last build from the database took (zero before one finished)
     * @param bytes     estimated heap the index takes
     */
    record Status(boolean enabled, boolean ready, long checkins, long bytes, Duration buildTime) {
    }

    /** A position in a venue's check-ins; the accessors describe the current one, after {@link #advance()}. */
    interface VenueCursor {

        /** Moves to the next check-in; false when there is none. */
        boolean advance();

        long checkinId();

        long personId();

        long in();

        /** The check-out second, or {@link PresenceIndex#NO_OUT}. */
        long out();

        /**
         * The person's first check-in (any venue) in a later second than this one's and before {@code before}, or
         * {@link PresenceIndex#NO_NEXT}.
         */
        long next(long before);
    }

    /** One check-in; {@code out} is {@link #NO_OUT} when none, {@code next} {@link #NO_NEXT} when none. */
    @FunctionalInterface
    interface Visitor {
        void visit(long checkinId, long personId, long venueId, long in, long out, long next);
    }
}
