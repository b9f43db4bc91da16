package org.jiaxing.venue.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jiaxing.venue.VenueChanged;
import org.jiaxing.venue.VenueRegistered;
import org.jiaxing.venue.domain.VenueRepository.Existing;
import org.jiaxing.venue.domain.VenueStore.Upsert;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores many already validated venues by code and announces each one. Runs inside the caller's
 * transaction, so a batch is all-or-nothing.
 */
@Component
class VenueUpserter {

    private final VenueRepository venues;
    private final VenueStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VenueUpserter(VenueRepository venues, VenueStore store, ApplicationEventPublisher events, Clock clock) {
        this.venues = venues;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @param before the venues that already had these codes, as read by the caller before validating */
    Counts upsert(List<Upsert> rows, Map<String, Existing> before) {
        if (rows.isEmpty()) {
            return new Counts(0, 0);
        }
        store.upsert(rows, clock.instant());
        Map<String, Existing> after = venues.existing(rows.stream().map(row -> row.draft().code()).toList());
        int created = 0;
        for (Upsert row : rows) {
            Existing venue = after.get(row.draft().code());
            if (before.containsKey(venue.code())) {
                events.publishEvent(new VenueChanged(venue.id(), venue.code(), venue.townCode(), venue.categoryCode(),
                        venue.status()));
            } else {
                created++;
                events.publishEvent(new VenueRegistered(venue.id(), venue.code(), venue.townCode(),
                        venue.categoryCode()));
            }
        }
        return new Counts(created, rows.size() - created);
    }

    record Counts(int created, int updated) {
    }
}
