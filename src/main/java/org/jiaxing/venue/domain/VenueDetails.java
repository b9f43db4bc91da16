package org.jiaxing.venue.domain;

import java.time.Instant;
import org.jiaxing.venue.Venue;

/** A venue with what only the registry's own screens show: contact and record times. */
public record VenueDetails(Venue venue, String contactName, String contactPhone, Instant createdAt,
        Instant updatedAt) {
}
