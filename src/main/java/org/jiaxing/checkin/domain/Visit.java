package org.jiaxing.checkin.domain;

import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.person.Person;
import org.jiaxing.venue.Venue;

/** What the door shows after a scan: who, where, their status, and whether this was a repeat scan. */
public record Visit(Venue venue, Person person, HealthStatus status, CheckinResult result) {

    public boolean refused() {
        return result.checkin().refused();
    }

    public boolean duplicate() {
        return result.duplicate();
    }
}
