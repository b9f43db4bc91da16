package org.jiaxing.venue;

/** Only ACTIVE venues accept check-ins; a SUSPENDED or CLOSED venue's code says so. */
public enum VenueStatus {
    ACTIVE, SUSPENDED, CLOSED
}
