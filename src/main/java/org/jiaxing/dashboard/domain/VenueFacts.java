package org.jiaxing.dashboard.domain;

import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueStatus;

/** What the dashboard needs of a venue, held in memory for the whole city (about 4,500 venues). */
public record VenueFacts(long id, String code, String name, String categoryCode, String townCode,
        Double longitude, Double latitude, OpeningHours hours, Integer expectedDailyVisitors, VenueStatus status) {

    static VenueFacts of(Venue venue) {
        return new VenueFacts(venue.id(), venue.code(), venue.name(), venue.category().code(), venue.townCode(),
                venue.longitude(), venue.latitude(), OpeningHours.parse(venue.openingHours()).orElse(null),
                venue.expectedDailyVisitors(), venue.status());
    }

    /** A venue the registry does not know (deleted, or not committed yet when its check-in came in). */
    static VenueFacts unknown(long id) {
        return new VenueFacts(id, "?", "?", "OTHER", "unknown", null, null, null, null, VenueStatus.CLOSED);
    }

    public boolean located() {
        return longitude != null && latitude != null;
    }
}
