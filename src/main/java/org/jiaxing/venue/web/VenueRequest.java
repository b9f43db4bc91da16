package org.jiaxing.venue.web;

import org.jiaxing.venue.VenueDraft;

/** The body of POST and PUT {@code /api/v1/venues}; field names match the error list's {@code field}. */
record VenueRequest(String code, String name, String categoryCode, String townCode, String address,
        Double longitude, Double latitude, String contactName, String contactPhone, String openingHours,
        Integer expectedDailyVisitors) {

    VenueDraft toDraft() {
        return new VenueDraft(code, name, categoryCode, townCode, address, longitude, latitude, contactName,
                contactPhone, openingHours, expectedDailyVisitors);
    }
}
