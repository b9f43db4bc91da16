package org.jiaxing.code.domain;

/** What a venue code says: which venue, which generation of its code, and which key signed it. */
public record VenueToken(int kid, long venueId, int generation) {

    public VenueToken {
        if (kid < 1 || venueId < 1 || generation < 1) {
            throw new IllegalArgumentException("kid, venue id and generation start at 1");
        }
    }
}
