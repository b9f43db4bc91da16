package org.jiaxing.checkin.domain;

import org.jiaxing.venue.Venue;

/**
 * A scanned token resolved to an open venue, or the reason nobody can check in with it. The reasons
 * match the code module's scan page (its template shows them).
 */
public sealed interface ScannedVenue {

    record Open(Venue venue) implements ScannedVenue {
    }

    record Unusable(Problem problem, Venue venue) implements ScannedVenue {
    }

    enum Problem {
        /** Forged, tampered, unknown key or not a code at all. */
        INVALID,
        /** An old poster: the venue's code was reissued. */
        WITHDRAWN,
        /** The venue is suspended: no check-ins for now. */
        SUSPENDED,
        /** The venue is closed for good. */
        CLOSED,
        /** The venue shows a rotating code at its entrance and this one is too old (or a poster's). */
        STALE
    }
}
