package org.jiaxing.venue.domain;

import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;

/**
 * Who may see and manage which venues. CITY_ADMIN: all. TOWN_ADMIN: their town. VENUE_STAFF: see
 * their own venues. TRACER: see all (tracing needs every venue), manage none. SUPERVISOR: none.
 */
final class VenueAccessPolicy {

    private VenueAccessPolicy() {
    }

    static boolean canView(Venue venue, StaffUser user) {
        return switch (user.role()) {
            case CITY_ADMIN, TRACER -> true;
            case TOWN_ADMIN -> venue.townCode().equals(user.townCode());
            case VENUE_STAFF -> user.venueIds().contains(venue.id());
            case SUPERVISOR -> false;
        };
    }

    static boolean canManage(Venue venue, StaffUser user) {
        return canManageTown(venue.townCode(), user);
    }

    static boolean canManageTown(String townCode, StaffUser user) {
        return user.hasRole(Role.CITY_ADMIN)
                || user.hasRole(Role.TOWN_ADMIN) && townCode != null && townCode.equals(user.townCode());
    }
}
