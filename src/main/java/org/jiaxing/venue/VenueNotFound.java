package org.jiaxing.venue;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

public class VenueNotFound extends JiaxingException {

    private VenueNotFound(String key, Object arg) {
        super(HttpStatus.NOT_FOUND, key, arg);
    }

    public static VenueNotFound forId(long id) {
        return new VenueNotFound("venue.error.notFound", id);
    }

    public static VenueNotFound forCode(String code) {
        return new VenueNotFound("venue.error.notFound", code);
    }
}
