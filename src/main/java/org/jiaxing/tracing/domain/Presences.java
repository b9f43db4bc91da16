package org.jiaxing.tracing.domain;

import java.util.Collection;
import java.util.List;

/**
 * Where the rules engine reads check-ins from: the check-in module in production, a list in tests.
 * Ranges are on the check-in time in epoch seconds, {@code from} inclusive, {@code to} exclusive; refused
 * attempts (the person was turned away at the door) are not presences and never returned.
 */
public interface Presences {

    /**
     * The check-in module's in-memory index when this source is (or is backed by) it and it is ready; then the
     * engine runs on it directly ({@link IndexedTrace}). Null otherwise (the default).
     */
    default org.jiaxing.checkin.PresenceIndex index() {
        return null;
    }

    List<Stay> atVenue(long venueId, long from, long to);

    List<Stay> ofPerson(long personId, long from, long to);

    /**
     * {@link #atVenue} with each person's next check-in looked for up to {@code horizon} seconds after the stay
     * began. The default derives it from {@link #ofPerson} (one read per stay); a database source answers it
     * with one query per range.
     */
    default List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
        return follow(atVenue(venueId, from, to), horizon);
    }

    /**
     * {@link #atVenueFollowed}, but before {@code allFrom} the next check-in is looked for only for stays with a
     * check-out more than {@code longerThan} seconds after the check-in; the others come with nothing known
     * ({@code knownUntil} = their check-in), so the engine reads the person's own check-ins if it ever needs their
     * end. A source may look up more.
     */
    default List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
            long horizon) {
        return atVenue(venueId, from, to).stream().map(stay -> stay.in() >= allFrom
                || stay.out() != null && stay.out() - stay.in() > longerThan
                ? follow(List.of(stay), horizon).getFirst() : new FollowedStay(stay, null, stay.in())).toList();
    }

    /** {@link #ofPerson} for many persons at once, followed as in {@link #atVenueFollowed}. */
    default List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
        return follow(personIds.stream().distinct().flatMap(person -> ofPerson(person, from, to).stream()).toList(),
                horizon);
    }

    private List<FollowedStay> follow(List<Stay> stays, long horizon) {
        return stays.stream().map(stay -> {
            long until = stay.in() + horizon;
            Long next = ofPerson(stay.personId(), stay.in() + 1, until).stream().map(Stay::in).min(Long::compare)
                    .orElse(null);
            return new FollowedStay(stay, next, until);
        }).toList();
    }
}
