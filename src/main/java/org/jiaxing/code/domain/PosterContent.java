package org.jiaxing.code.domain;

import org.jiaxing.code.IssuedCode;
import org.jiaxing.venue.Venue;

/** Everything printed on one venue's poster, for the HTML page and the PDF alike. */
public record PosterContent(String venueCode, String venueName, String categoryZh, String categoryEn, String townZh,
        String townEn, String address, int generation, int kid, String url) {

    public static PosterContent of(Venue venue, IssuedCode code) {
        return new PosterContent(venue.code(), venue.name(), venue.category().nameZh(), venue.category().nameEn(),
                venue.townNameZh(), venue.townNameEn(), venue.address(), code.generation(), code.kid(), code.url());
    }
}
