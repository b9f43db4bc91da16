package org.jiaxing.tracing.domain;

/** The rule parameters per venue (from its category), and how far back a presence can have started. */
public interface RuleBook {

    VenueRule forVenue(long venueId);

    /**
     * How far before a window the engine reads check-ins, in seconds: a presence that started earlier than
     * this is not found. At least the longest dwell; longer covers late check-outs too.
     */
    long lookback();
}
