package org.jiaxing.venue;

/** Published after a new venue was registered (form, API, import or demo seeding). */
public record VenueRegistered(long venueId, String code, String townCode, String categoryCode) {
}
