package org.jiaxing.checkin.domain;

import java.time.Duration;
import org.jiaxing.checkin.PresenceIndex;

/**
 * A {@link PresenceIndex} on given check-ins, without a database: the module's {@link PresenceLog} filled one
 * check-in at a time (as the writers do) or in bulk (as the start-up build does). For other modules' tests.
 */
public final class InMemoryPresenceIndex implements PresenceIndex {

    private PresenceLog log = new PresenceLog();
    private PresenceLog.Builder builder;

    /** Filled by {@link #add}, one at a time; {@link #bulk()} instead collects and sorts on the first read. */
    public InMemoryPresenceIndex() {
    }

    public static InMemoryPresenceIndex bulk() {
        InMemoryPresenceIndex index = new InMemoryPresenceIndex();
        index.builder = new PresenceLog.Builder();
        return index;
    }

    /** An accepted check-in; {@code out} null when there is no check-out. */
    public InMemoryPresenceIndex add(long id, long personId, long venueId, long in, Long out) {
        if (builder != null) {
            builder.add(id, personId, venueId, in, out == null ? NO_OUT : out);
        } else {
            log.insert(id, personId, venueId, in, out == null ? NO_OUT : out);
            log.publish();
        }
        return this;
    }

    private PresenceLog log() {
        if (builder != null) {
            log = builder.build();
            builder = null;
        }
        return log;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void scanVenue(long venueId, long from, long to, long horizonSeconds, Visitor visitor) {
        log().scanVenue(venueId, from, to, horizonSeconds, visitor);
    }

    @Override
    public void scanPerson(long personId, long from, long to, long horizonSeconds, Visitor visitor) {
        log().scanPerson(personId, from, to, horizonSeconds, visitor);
    }

    @Override
    public VenueCursor venue(long venueId, long from, long to) {
        return log().venue(venueId, from, to);
    }

    @Override
    public VenueCursor venue(long venueId, long from, long to, long endedBy, long length) {
        return log().venue(venueId, from, to, endedBy, length);
    }

    @Override
    public void rebuild() {
    }

    @Override
    public Status status() {
        return new Status(true, true, log().size(), log().bytes(), Duration.ZERO);
    }
}
