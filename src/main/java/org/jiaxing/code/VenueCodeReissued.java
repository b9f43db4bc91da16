package org.jiaxing.code;

/** Published after a venue's code was reissued: posters of older generations are withdrawn. */
public record VenueCodeReissued(long venueId, int generation, String reissuedBy) {
}
