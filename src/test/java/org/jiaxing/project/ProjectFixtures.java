package org.jiaxing.project;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.domain.NewProject;

/** People and projects for tests, built directly (no stored accounts, no passwords). */
public final class ProjectFixtures {

    private static final AtomicLong IDS = new AtomicLong(500_000);

    private ProjectFixtures() {
    }

    public static StaffUser supervisor() {
        return user("督考办 顾明", Role.SUPERVISOR, null);
    }

    public static StaffUser member(String name) {
        return user(name, Role.PROJECT_MEMBER, null);
    }

    public static StaffUser department(String name) {
        return user(name, Role.DEPARTMENT, null);
    }

    public static StaffUser townAdmin(String town) {
        return user("镇管理员", Role.TOWN_ADMIN, town);
    }

    public static StaffUser venueStaff() {
        return user("门岗", Role.VENUE_STAFF, null);
    }

    public static StaffUser user(String name, Role role, String town) {
        long id = IDS.incrementAndGet();
        return new StaffUser(id, "u" + id, name, role, town, role == Role.VENUE_STAFF ? Set.of(1L) : Set.of(), true,
                null);
    }

    private static final AtomicLong CODES = new AtomicLong(1);

    /** A 90-day project starting {@code start}: nine stages of 10 days each. */
    public static NewProject project(String name, StaffUser official, String town, LocalDate start) {
        return new NewProject("T-" + CODES.getAndIncrement(), name, "平湖农业发展有限公司", official.id(),
                official.displayName(), town, "guangchen".equals(town) ? "农开区" : null, ProjectType.AGRICULTURAL, 12000,
                start, start.plusDays(90), "广陈镇山塘村");
    }
}
