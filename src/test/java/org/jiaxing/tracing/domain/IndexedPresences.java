package org.jiaxing.tracing.domain;

import java.util.Collection;
import java.util.List;
import org.jiaxing.checkin.PresenceIndex;

/**
 * Hands {@link ContactTracer} a ready {@link PresenceIndex}, so that the rule tests run {@link IndexedTrace}. The
 * engine never reads the lists on that path; if it ever did, these throw and the tests say so.
 */
final class IndexedPresences implements Presences {

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
        throw notOnTheIndexPath();
    }

    @Override
    public List<Stay> ofPerson(long personId, long from, long to) {
        throw notOnTheIndexPath();
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
        throw notOnTheIndexPath();
    }

    @Override
    public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
            long horizon) {
        throw notOnTheIndexPath();
    }

    @Override
    public List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
        throw notOnTheIndexPath();
    }

    private static UnsupportedOperationException notOnTheIndexPath() {
        return new UnsupportedOperationException("the engine read lists although the presence index was ready");
    }
}
