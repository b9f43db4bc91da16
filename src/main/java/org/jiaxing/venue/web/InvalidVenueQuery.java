package org.jiaxing.venue.web;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A list, export or import request with a parameter out of range (400). */
class InvalidVenueQuery extends JiaxingException {

    private InvalidVenueQuery(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    static InvalidVenueQuery pageSize(int max) {
        return new InvalidVenueQuery("venue.error.pageSize", max);
    }

    static InvalidVenueQuery page() {
        return new InvalidVenueQuery("venue.error.page");
    }

    static InvalidVenueQuery exportFormat() {
        return new InvalidVenueQuery("venue.error.exportFormat");
    }

    static InvalidVenueQuery importMode() {
        return new InvalidVenueQuery("venue.error.importMode");
    }
}
