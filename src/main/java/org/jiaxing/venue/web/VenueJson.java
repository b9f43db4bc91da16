package org.jiaxing.venue.web;

import java.time.Instant;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.VenueDetails;

/** A venue as the REST API shows it. */
record VenueJson(long id, String code, String name, CategoryJson category, TownJson town, String address,
        Double longitude, Double latitude, String contactName, String contactPhone, String openingHours,
        Integer expectedDailyVisitors, VenueStatus status, Instant createdAt, Instant updatedAt) {

    static VenueJson of(VenueDetails details) {
        Venue venue = details.venue();
        return new VenueJson(venue.id(), venue.code(), venue.name(), CategoryJson.of(venue.category()),
                new TownJson(venue.townCode(), venue.townNameZh(), venue.townNameEn()), venue.address(),
                venue.longitude(), venue.latitude(), details.contactName(), details.contactPhone(),
                venue.openingHours(), venue.expectedDailyVisitors(), venue.status(), details.createdAt(),
                details.updatedAt());
    }

    record TownJson(String code, String nameZh, String nameEn) {
    }

    /** A category with its tracing parameters in minutes. */
    record CategoryJson(String code, String nameZh, String nameEn, int dwellMinutes, int closeMinutes,
            int lingerMinutes) {

        static CategoryJson of(VenueCategory category) {
            return new CategoryJson(category.code(), category.nameZh(), category.nameEn(), category.dwellMinutes(),
                    category.closeMinutes(), category.lingerMinutes());
        }
    }
}
