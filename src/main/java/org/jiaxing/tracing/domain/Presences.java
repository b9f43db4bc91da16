package org.jiaxing.tracing.domain;

import java.util.List;

/**
 * Where the rules engine reads check-ins from: the check-in module in production, a list in tests.
 * Ranges are on the check-in time in epoch seconds, {@code from} inclusive, {@code to} exclusive; refused
 * attempts (the person was turned away at the door) are not presences and never returned.
 */
public interface Presences {

    List<Stay> atVenue(long venueId, long from, long to);

    List<Stay> ofPerson(long personId, long from, long to);
}
