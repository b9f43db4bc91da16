package org.jiaxing.venue;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * The staff member may not do this with venues (403). A venue outside the user's scope is reported
 * as {@link VenueNotFound} instead, so that scope cannot be probed; this is for acts the user's role
 * or town never allows: a VENUE_STAFF editing, a TOWN_ADMIN registering in another town, a
 * SUPERVISOR opening the registry.
 */
public class VenueAccessDenied extends JiaxingException {

    private VenueAccessDenied(String key, Object... args) {
        super(HttpStatus.FORBIDDEN, key, args);
    }

    /** The user's role cannot see the venue registry at all. */
    public static VenueAccessDenied toRegistry() {
        return new VenueAccessDenied("venue.error.accessDenied");
    }

    /** The user's role cannot change venues. */
    public static VenueAccessDenied toChange() {
        return new VenueAccessDenied("venue.error.changeDenied");
    }

    /** A TOWN_ADMIN acting for a town that is not theirs. */
    public static VenueAccessDenied forTown(String townCode) {
        return new VenueAccessDenied("venue.error.otherTown", townCode);
    }
}
