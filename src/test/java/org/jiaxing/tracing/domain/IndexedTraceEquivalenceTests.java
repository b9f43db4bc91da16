package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.tracing.domain.ContactTracerTests.HOUR;
import static org.jiaxing.tracing.domain.ContactTracerTests.MIN;
import static org.jiaxing.tracing.domain.ContactTracerTests.T;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jiaxing.checkin.domain.InMemoryPresenceIndex;
import org.jiaxing.tracing.domain.ContactTracerTests.World;
import org.junit.jupiter.api.Test;

/**
 * The engine on the presence index ({@link IndexedTrace}) gives exactly what the engine on plain reads gives, on
 * random little cities: many persons at four venues over three days, check-outs missing, before the check-in,
 * long; several cases; {@code asOf} in the middle of the data.
 */
class IndexedTraceEquivalenceTests {

    @Test
    void sameResultAsTheReadPathOnRandomCities() {
        int[] found = new int[ContactLevel.values().length];
        for (int seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            World world = new World();
            InMemoryPresenceIndex index = seed % 2 == 0 ? new InMemoryPresenceIndex() : InMemoryPresenceIndex.bulk();
            int persons = 10 + random.nextInt(60);
            for (int i = 0; i < 40 + random.nextInt(400); i++) {
                long person = 1 + random.nextInt(persons);
                long venue = 1 + random.nextInt(4);
                long in = T + random.nextLong(0, 72 * HOUR);
                Long out = switch (random.nextInt(6)) {
                    case 0, 1 -> null;
                    case 2 -> in - random.nextLong(0, 10 * MIN);
                    case 3 -> in + random.nextLong(0, 20 * HOUR);
                    default -> in + random.nextLong(0, 2 * HOUR);
                };
                world.visit(person, venue, in, out);
            }
            world.all().forEach(stay -> index.add(stay.checkinId(), stay.personId(), stay.venueId(), stay.in(),
                    stay.out()));
            List<CaseWindow> cases = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(3); c++) {
                long from = T + random.nextLong(0, 48 * HOUR);
                cases.add(new CaseWindow(1 + random.nextInt(persons), from, from + random.nextLong(1, 30 * HOUR)));
            }
            long asOf = T + random.nextLong(12 * HOUR, 96 * HOUR);
            boolean secondary = random.nextBoolean();

            TraceResult expected = new ContactTracer(world, world).trace(cases, asOf, secondary);
            TraceResult actual = new ContactTracer(new IndexedPresences(index), world).trace(cases, asOf, secondary);

            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
            expected.contacts().forEach(contact -> found[contact.level().ordinal()]++);
        }
        assertThat(java.util.Arrays.stream(found).min().orElse(0)).as("contacts of every level compared").isGreaterThan(20);
    }
}
