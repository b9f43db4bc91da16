package org.jiaxing.venue.domain;

import java.util.Set;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueFilter;

/**
 * The venues a staff member may see, as a query restriction (so lists are scoped in SQL, not by
 * filtering in memory). CITY_ADMIN and TRACER: everything; TOWN_ADMIN: their town; VENUE_STAFF:
 * their venues; SUPERVISOR: nothing.
 */
public record VenueScope(Kind kind, String townCode, Set<Long> venueIds) {

    public enum Kind { EVERYTHING, TOWN, VENUES, NOTHING }

    public VenueScope {
        venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
    }

    public static VenueScope everything() {
        return new VenueScope(Kind.EVERYTHING, null, Set.of());
    }

    public static VenueScope of(StaffUser user) {
        return switch (user.role()) {
            case CITY_ADMIN, TRACER -> everything();
            case TOWN_ADMIN -> new VenueScope(Kind.TOWN, user.townCode(), Set.of());
            case VENUE_STAFF -> new VenueScope(Kind.VENUES, null, user.venueIds());
            case SUPERVISOR, PROJECT_MEMBER, DEPARTMENT -> new VenueScope(Kind.NOTHING, null, Set.of());
        };
    }

    public boolean includes(Venue venue) {
        return switch (kind) {
            case EVERYTHING -> true;
            case TOWN -> venue.townCode().equals(townCode);
            case VENUES -> venueIds.contains(venue.id());
            case NOTHING -> false;
        };
    }

    /** A town-scoped user always filters by their own town, whatever town the request asked for. */
    public VenueFilter restrict(VenueFilter filter) {
        return kind == Kind.TOWN
                ? new VenueFilter(townCode, filter.categoryCode(), filter.status(), filter.text())
                : filter;
    }
}
