package org.jiaxing.code;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;

/** Signed-in staff for web tests, built directly (no stored account, no password). */
final class TestUsers {

    private static final AtomicLong IDS = new AtomicLong(100_000);

    private TestUsers() {
    }

    static StaffUser cityAdmin() {
        return user("city-admin", Role.CITY_ADMIN, null, Set.of());
    }

    static StaffUser townAdmin(String town) {
        return user("town-admin-" + town, Role.TOWN_ADMIN, town, Set.of());
    }

    static StaffUser venueStaff(long venueId) {
        return user("door-" + venueId, Role.VENUE_STAFF, null, Set.of(venueId));
    }

    static StaffUser tracer() {
        return user("tracer", Role.TRACER, null, Set.of());
    }

    static StaffUser supervisor() {
        return user("supervisor", Role.SUPERVISOR, null, Set.of());
    }

    private static StaffUser user(String username, Role role, String town, Set<Long> venues) {
        long id = IDS.incrementAndGet();
        return new StaffUser(id, username + "-" + id, username, role, town, venues, true, null);
    }
}
