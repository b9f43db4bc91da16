package org.jiaxing.checkin;

import java.time.Instant;
import java.util.List;

/**
 * The two access paths of the check-in table, both served by an index: presences at a venue and visits
 * of a person. Tracing depends only on these (so the store can later be sharded by venue and person).
 * Ranges are on the check-in time, {@code from} inclusive and {@code to} exclusive, oldest first.
 */
public interface CheckinQueries {

    List<Checkin> atVenue(long venueId, Instant from, Instant to);

    List<Checkin> ofPerson(long personId, Instant from, Instant to);
}
