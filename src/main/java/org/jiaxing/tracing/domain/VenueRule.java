package org.jiaxing.tracing.domain;

/** The three parameters of a venue's category, in seconds. */
public record VenueRule(long dwell, long close, long linger) {

    public VenueRule {
        if (dwell <= 0 || close <= 0 || linger < 0) {
            throw new IllegalArgumentException("dwell and close are positive, linger is not negative");
        }
    }

    public static VenueRule ofMinutes(int dwell, int close, int linger) {
        return new VenueRule(dwell * 60L, close * 60L, linger * 60L);
    }
}
