package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jiaxing.checkin.PresenceIndex;

/**
 * The engine's check-ins from the check-in module's in-memory {@link PresenceIndex}: the same answers as the
 * database path ({@link CheckinPresences} without the index), each stay with its person's next check-in always
 * looked up (a binary search, so the "only where needed" of {@link Presences#atVenueFollowed} is not needed).
 */
final class IndexedPresences implements Presences {

    /** Horizon for reads that do not want the next check-in (the index wants one of at least a second). */
    private static final long NO_FOLLOW = 1;

    private final PresenceIndex index;

    IndexedPresences(PresenceIndex index) {
        this.index = index;
    }

    @Override
    public PresenceIndex index() {
        return index;
    }

    @Override
    public List<Stay> atVenue(long venueId, long from, long to) {
        List<Stay> stays = new ArrayList<>();
        index.scanVenue(venueId, from, to, NO_FOLLOW, (id, person, venue, in, out, next) -> stays.add(stay(id, person,
                venue, in, out)));
        return stays;
    }

    @Override
    public List<Stay> ofPerson(long personId, long from, long to) {
        List<Stay> stays = new ArrayList<>();
        index.scanPerson(personId, from, to, NO_FOLLOW, (id, person, venue, in, out, next) -> stays.add(stay(id, person,
                venue, in, out)));
        return stays;
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
        List<FollowedStay> stays = new ArrayList<>();
        index.scanVenue(venueId, from, to, horizon, (id, person, venue, in, out, next) -> stays.add(
                followed(id, person, venue, in, out, next, horizon)));
        return stays;
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
            long horizon) {
        return atVenueFollowed(venueId, from, to, horizon);
    }

    @Override
    public List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
        List<FollowedStay> stays = new ArrayList<>();
        personIds.stream().distinct().sorted().forEach(personId -> index.scanPerson(personId, from, to, horizon,
                (id, person, venue, in, out, next) -> stays.add(followed(id, person, venue, in, out, next, horizon))));
        return stays;
    }

    private static FollowedStay followed(long id, long person, long venue, long in, long out, long next, long horizon) {
        return new FollowedStay(stay(id, person, venue, in, out), next == PresenceIndex.NO_NEXT ? null : next,
                in + horizon);
    }

    private static Stay stay(long id, long person, long venue, long in, long out) {
        return new Stay(id, person, venue, in, out == PresenceIndex.NO_OUT ? null : out);
    }
}
