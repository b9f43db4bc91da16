package org.jiaxing.venue;

/** Published after an existing venue's data or status changed; carries the state after the change. */
public record VenueChanged(long venueId, String code, String townCode, String categoryCode, VenueStatus status) {
}
