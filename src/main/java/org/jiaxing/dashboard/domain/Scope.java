package org.jiaxing.dashboard.domain;

import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.dashboard.DashboardAccessDenied;

/** What a user sees: the whole city (townCode null) or one town. Everyone else sees nothing. */
public record Scope(String townCode) {

    public static Scope city() {
        return new Scope(null);
    }

    public static Scope of(StaffUser user) {
        if (user != null && user.hasRole(Role.CITY_ADMIN)) {
            return city();
        }
        if (user != null && user.hasRole(Role.TOWN_ADMIN) && user.townCode() != null) {
            return new Scope(user.townCode());
        }
        throw DashboardAccessDenied.forRole();
    }

    public boolean isCity() {
        return townCode == null;
    }

    public boolean covers(String venueTown) {
        return townCode == null || townCode.equals(venueTown);
    }
}
