package org.jiaxing.venue.domain;

import java.time.Instant;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDraft;

/** A venue with what only the registry's own screens show: contact and record times. */
public record VenueDetails(Venue venue, String contactName, String contactPhone, Instant createdAt,
        Instant updatedAt) {

    /** The venue as it would be entered again: the starting point of the edit form and of exports. */
    public VenueDraft toDraft() {
        return new VenueDraft(venue.code(), venue.name(), venue.category().code(), venue.townCode(), venue.address(),
                venue.longitude(), venue.latitude(), contactName, contactPhone, venue.openingHours(),
                venue.expectedDailyVisitors());
    }
}
