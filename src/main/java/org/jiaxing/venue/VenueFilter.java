package org.jiaxing.venue;

/**
 * Criteria for listing venues; {@code null} means "any".
 *
 * @param text matched against code, name and address
 */
public record VenueFilter(String townCode, String categoryCode, VenueStatus status, String text) {

    public static VenueFilter any() {
        return new VenueFilter(null, null, null, null);
    }

    public static VenueFilter town(String townCode) {
        return new VenueFilter(townCode, null, null, null);
    }
}
