package org.jiaxing.venue;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;

/**
 * Readable test data: valid venue drafts to vary one field at a time, and signed-in users of each
 * role. Tests share a database per Spring context, so every test works under its own code prefix.
 */
public final class TestVenues {

    private static final AtomicLong USER_IDS = new AtomicLong(9_000);

    private TestVenues() {
    }

    /** A code prefix no other test uses, e.g. {@code T3F9A1}. */
    public static String uniquePrefix() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
    }

    /** A valid supermarket in 当湖街道 with every optional field filled. */
    public static Draft aVenue(String code) {
        return new Draft(new VenueDraft(code, "平湖大润发 " + code, "SUPERMARKET", "danghu", "当湖街道新华中路 1 号",
                121.0148, 30.6962, "张经理", "0573-85012345", "08:00-22:00", 1200));
    }

    public static StaffUser cityAdmin() {
        return user(Role.CITY_ADMIN, null, Set.of());
    }

    public static StaffUser townAdmin(String town) {
        return user(Role.TOWN_ADMIN, town, Set.of());
    }

    public static StaffUser venueStaff(Long... venueIds) {
        return user(Role.VENUE_STAFF, null, Set.of(venueIds));
    }

    public static StaffUser tracer() {
        return user(Role.TRACER, null, Set.of());
    }

    public static StaffUser supervisor() {
        return user(Role.SUPERVISOR, null, Set.of());
    }

    private static StaffUser user(Role role, String town, Set<Long> venues) {
        long id = USER_IDS.incrementAndGet();
        return new StaffUser(id, "test-" + role.name().toLowerCase(Locale.ROOT) + "-" + id, "测试" + role.name(),
                role, town, venues, true, null);
    }

    /** A {@link VenueDraft} with one field changed at a time. */
    public record Draft(VenueDraft draft) {

        public Draft code(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(value, d.name(), d.categoryCode(), d.townCode(), d.address(), d.longitude(),
                    d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft name(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), value, d.categoryCode(), d.townCode(), d.address(), d.longitude(),
                    d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft category(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), value, d.townCode(), d.address(), d.longitude(),
                    d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft town(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), value, d.address(), d.longitude(),
                    d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft address(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), d.townCode(), value, d.longitude(),
                    d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft coordinates(Double longitude, Double latitude) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), d.townCode(), d.address(), longitude,
                    latitude, d.contactName(), d.contactPhone(), d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft contact(String name, String phone) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), d.townCode(), d.address(),
                    d.longitude(), d.latitude(), name, phone, d.openingHours(), d.expectedDailyVisitors()));
        }

        public Draft openingHours(String value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), d.townCode(), d.address(),
                    d.longitude(), d.latitude(), d.contactName(), d.contactPhone(), value, d.expectedDailyVisitors()));
        }

        public Draft visitors(Integer value) {
            VenueDraft d = draft;
            return new Draft(new VenueDraft(d.code(), d.name(), d.categoryCode(), d.townCode(), d.address(),
                    d.longitude(), d.latitude(), d.contactName(), d.contactPhone(), d.openingHours(), value));
        }
    }
}
