package org.jiaxing.tracing.domain;

import org.jiaxing.checkin.domain.InMemoryPresenceIndex;

/**
 * Every rule test again, the check-ins read through the check-in module's presence index (as in production
 * once it is loaded), filled one check-in at a time in the test's order, as the writers fill it.
 */
class ContactTracerOnIndexTests extends ContactTracerTests {

    @Override
    ContactTracer tracer() {
        InMemoryPresenceIndex index = new InMemoryPresenceIndex();
        world.all().forEach(stay -> index.add(stay.checkinId(), stay.personId(), stay.venueId(), stay.in(), stay.out()));
        return new ContactTracer(new IndexedPresences(index), world);
    }
}
