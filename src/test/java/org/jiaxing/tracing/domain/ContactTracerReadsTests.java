package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.tracing.domain.ContactTracerTests.CASE;
import static org.jiaxing.tracing.domain.ContactTracerTests.GYM;
import static org.jiaxing.tracing.domain.ContactTracerTests.HOUR;
import static org.jiaxing.tracing.domain.ContactTracerTests.MIN;
import static org.jiaxing.tracing.domain.ContactTracerTests.SHOP;
import static org.jiaxing.tracing.domain.ContactTracerTests.T;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jiaxing.tracing.domain.ContactTracerTests.World;
import org.junit.jupiter.api.Test;

/** How the engine reads: in bulk, each venue range once, no candidate's own check-ins (issue 4 performance). */
class ContactTracerReadsTests {

    final World world = new World();
    final CountingPresences reads = new CountingPresences(world);

    @Test
    void candidatesEndsComeWithTheVenueRangeNotFromTheirOwnCheckins() {
        world.visit(CASE, SHOP, T, T + HOUR);
        for (long person = 1; person <= 30; person++) {
            world.visit(person, SHOP, T + person * MIN, null);
            world.visit(person, GYM, T + person * MIN + 20 * MIN, null); // cuts the shop visit at 20 minutes
        }
        TraceResult result = new ContactTracer(reads, world).trace(List.of(new CaseWindow(CASE, T, T + HOUR)),
                T + 48 * HOUR, false);

        // each shop visit is cut at 20 minutes by the gym, which only the next check-in read with the shop's
        // range tells (uncut, 45 minutes of dwell would make the same persons close for longer)
        assertThat(result.contacts()).hasSize(30).allSatisfy(contact -> assertThat(contact.evidence())
                .singleElement().satisfies(evidence -> assertThat(evidence.seconds()).isEqualTo(20 * MIN)));
        assertThat(reads.calls).containsExactly("persons [100]", "venue 1 long, then all");
    }

    @Test
    void aVenueRangeSharedByCloseContactsIsReadOnce() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(2, SHOP, T, T + HOUR);
        world.visit(1, GYM, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, GYM, T + 2 * HOUR + 30 * MIN, T + 4 * HOUR);
        world.visit(3, GYM, T + 2 * HOUR, T + 4 * HOUR);
        TraceResult result = new ContactTracer(reads, world).trace(List.of(new CaseWindow(CASE, T, T + HOUR)),
                T + 48 * HOUR, true);

        assertThat(result.contacts()).extracting(Contact::personId, Contact::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, ContactLevel.CLOSE),
                org.assertj.core.groups.Tuple.tuple(2L, ContactLevel.CLOSE),
                org.assertj.core.groups.Tuple.tuple(3L, ContactLevel.SECONDARY));
        assertThat(reads.calls).containsExactly("persons [100]", "venue 1 long, then all", "persons [1, 2]",
                "venue 4 long, then all");
    }

    /** The engine's reads, in order; answers from the world. */
    static final class CountingPresences implements Presences {

        final List<String> calls = new ArrayList<>();
        private final World world;

        CountingPresences(World world) {
            this.world = world;
        }

        @Override
        public List<Stay> atVenue(long venueId, long from, long to) {
            calls.add("venue " + venueId + " plain");
            return world.atVenue(venueId, from, to);
        }

        @Override
        public List<Stay> ofPerson(long personId, long from, long to) {
            calls.add("person " + personId);
            return world.ofPerson(personId, from, to);
        }

        @Override
        public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long horizon) {
            calls.add("venue " + venueId + " all");
            return world.atVenueFollowed(venueId, from, to, horizon);
        }

        @Override
        public List<FollowedStay> atVenueFollowed(long venueId, long from, long to, long allFrom, long longerThan,
                long horizon) {
            calls.add("venue " + venueId + (from < allFrom ? " long, then all" : " all"));
            return world.atVenueFollowed(venueId, from, to, allFrom, longerThan, horizon);
        }

        @Override
        public List<FollowedStay> ofPersonsFollowed(Collection<Long> personIds, long from, long to, long horizon) {
            calls.add("persons " + personIds.stream().sorted().toList());
            return world.ofPersonsFollowed(personIds, from, to, horizon);
        }
    }
}
