package org.jiaxing.health.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jiaxing.health.HealthStatus;

/**
 * A status as the page shows it, times in the city's zone.
 *
 * @param reasonKey message key for the reasons the system gives (default, expired); {@code null} for an
 *                  official's own words in {@code reason}
 */
record StatusView(String colour, boolean refusesEntry, String reason, String reasonKey, ZonedDateTime since,
        ZonedDateTime until) {

    /** The status in effect, with the system's own reasons (never set, expired) as message keys. */
    static StatusView current(HealthStatus status, ZoneId zone) {
        if (status.since() == null) {
            return of(status, "health.reason.default", zone);
        }
        boolean expired = HealthStatus.EXPIRED.equals(status.reason()) && status.until() == null;
        return of(status, expired ? "health.reason.expired" : null, zone);
    }

    /** A status an official or tracing assigned: the reason is always their own words. */
    static StatusView assigned(HealthStatus status, ZoneId zone) {
        return of(status, null, zone);
    }

    private static StatusView of(HealthStatus status, String reasonKey, ZoneId zone) {
        return new StatusView(status.colour().name(), status.refusesEntry(), reasonKey == null ? status.reason() : null,
                reasonKey, status.since() == null ? null : status.since().atZone(zone),
                status.until() == null ? null : status.until().atZone(zone));
    }
}
