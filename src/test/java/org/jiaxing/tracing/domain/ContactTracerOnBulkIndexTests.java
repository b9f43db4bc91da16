package org.jiaxing.tracing.domain;

import org.jiaxing.checkin.domain.InMemoryPresenceIndex;

/** Every rule test again, through the presence index built in bulk (as at start-up, from a table scan). */
class ContactTracerOnBulkIndexTests extends ContactTracerTests {

    @Override
    ContactTracer tracer() {
        InMemoryPresenceIndex index = InMemoryPresenceIndex.bulk();
        world.all().forEach(stay -> index.add(stay.checkinId(), stay.personId(), stay.venueId(), stay.in(), stay.out()));
        return new ContactTracer(new IndexedPresences(index), world);
    }
}
