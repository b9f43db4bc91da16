package org.jiaxing.venue.domain;

import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;

/**
 * Who may see and manage which venues. CITY_ADMIN: all. TOWN_ADMIN: their town. VENUE_STAFF: see
 * their own venues. TRACER: see all (tracing needs every venue), manage none. SUPERVISOR: none.
 * Seeing is {@link VenueScope}, so that a single venue and a list follow the same rule.
 */
final class VenueAccessPolicy {

    private VenueAccessPolicy() {
    }

    static boolean canView(Venue venue, StaffUser user) {
        return VenueScope.of(user).includes(venue);
    }

    static boolean canManage(Venue venue, StaffUser user) {
        return canManageTown(venue.townCode(), user);
    }

    static boolean canManageTown(String townCode, StaffUser user) {
        return user.hasRole(Role.CITY_ADMIN)
                || user.hasRole(Role.TOWN_ADMIN) && townCode != null && townCode.equals(user.townCode());
    }

    /** Whether the role may register or change venues at all (in some town). */
    static boolean canWrite(StaffUser user) {
        return user.hasRole(Role.CITY_ADMIN) || user.hasRole(Role.TOWN_ADMIN) && user.townCode() != null;
    }
}
