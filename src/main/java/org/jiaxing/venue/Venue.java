package org.jiaxing.venue;

/**
 * A key venue as other modules see it (read-only view).
 *
 * @param code external unique key, e.g. {@code PH-0001}
 */
public record Venue(long id, String code, String name, VenueCategory category, String townCode,
        String townNameZh, String townNameEn, String address, Double longitude, Double latitude,
        String openingHours, Integer expectedDailyVisitors, VenueStatus status) {
}
