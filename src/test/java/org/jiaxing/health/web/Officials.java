package org.jiaxing.health.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;

/** Signed-in staff of every role, built directly (no stored account, no password). */
final class Officials {

    private static final AtomicLong IDS = new AtomicLong(200_000);

    private Officials() {
    }

    static StaffUser cityAdmin() {
        return user("city-admin", Role.CITY_ADMIN, null, Set.of());
    }

    static StaffUser tracer() {
        return user("tracer", Role.TRACER, null, Set.of());
    }

    static StaffUser townAdmin() {
        return user("town-admin", Role.TOWN_ADMIN, "danghu", Set.of());
    }

    static StaffUser venueStaff() {
        return user("door", Role.VENUE_STAFF, null, Set.of(1L));
    }

    static StaffUser supervisor() {
        return user("supervisor", Role.SUPERVISOR, null, Set.of());
    }

    private static StaffUser user(String username, Role role, String town, Set<Long> venues) {
        long id = IDS.incrementAndGet();
        return new StaffUser(id, username + "-" + id, username, role, town, venues, true, null);
    }
}
