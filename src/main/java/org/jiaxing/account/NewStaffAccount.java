package org.jiaxing.account;

import java.util.Set;

/**
 * What it takes to open a staff account. A TOWN_ADMIN needs a town, a VENUE_STAFF at least one
 * venue; other roles take neither.
 */
public record NewStaffAccount(String username, String displayName, String rawPassword, Role role,
        String townCode, Set<Long> venueIds) {

    public NewStaffAccount {
        venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
    }

    public static NewStaffAccount of(String username, String displayName, String rawPassword, Role role) {
        return new NewStaffAccount(username, displayName, rawPassword, role, null, Set.of());
    }

    public NewStaffAccount inTown(String town) {
        return new NewStaffAccount(username, displayName, rawPassword, role, town, venueIds);
    }

    public NewStaffAccount forVenues(Set<Long> venues) {
        return new NewStaffAccount(username, displayName, rawPassword, role, townCode, venues);
    }
}
