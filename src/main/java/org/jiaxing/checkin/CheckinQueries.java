package org.jiaxing.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The two access paths of the check-in table, both served by an index: presences at a venue and visits
 * of a person. Tracing depends only on these (so the store can later be sharded by venue and person).
 * Ranges are on the check-in time, {@code from} inclusive and {@code to} exclusive, oldest first.
 */
public interface CheckinQueries {

    List<Checkin> atVenue(long venueId, Instant from, Instant to);

    List<Checkin> ofPerson(long personId, Instant from, Instant to);

    /**
     * {@link #atVenue}, each check-in with its person's next check-in ({@link CheckinWithNext}), in one
     * statement: the first accepted (not refused) check-in of the same person at any venue whose check-in
     * second is later than this one's and earlier than this one's second plus {@code horizon}. Seconds
     * because tracing compares check-in times in whole seconds: a check-in within the same second is not
     * "next". The horizon bounds each look-up to a short index range; a reader that needs further sees null
     * and asks {@link #ofPerson}.
     */
    List<CheckinWithNext> atVenueWithNext(long venueId, Instant from, Instant to, Duration horizon);

    /**
     * {@link #atVenueWithNext}, but before {@code allFrom} the next check-in is looked up only for the check-ins
     * that were checked out more than {@code longerThan} after they began (the stays a reader cannot bound by a
     * default length); the others come with {@code nextCheckinAt} null. One venue index range either way (a
     * filter in the WHERE clause made PostgreSQL's cached plans much slower): the look-ups are what cost.
     */
    List<CheckinWithNext> atVenueWithNext(long venueId, Instant from, Instant to, Instant allFrom,
            Duration longerThan, Duration horizon);

    /**
     * {@link #ofPerson} for many persons at once (one statement per chunk of ids), each check-in with its
     * next check-in as in {@link #atVenueWithNext}. Ordered by person, then oldest first.
     */
    List<CheckinWithNext> ofPersonsWithNext(Collection<Long> personIds, Instant from, Instant to, Duration horizon);
}
