package org.jiaxing.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;

import java.util.List;
import java.util.stream.IntStream;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.domain.VenueQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The system-level batch upsert used by demo seeding, on SQLite and PostgreSQL. */
@RecordApplicationEvents
abstract class VenueUpsertContract {

    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory directory;
    @Autowired VenueQueries queries;
    @Autowired ApplicationEvents events;

    private final String prefix = uniquePrefix();

    @Test
    void upsertingTheSameCodesTwiceUpdatesInsteadOfDuplicating() {
        List<VenueDraft> first = List.of(aVenue(prefix + "-1").draft(), aVenue(prefix + "-2").draft());
        registry.upsertAll(first);
        long firstId = directory.findByCode(prefix + "-1").orElseThrow().id();
        registry.changeStatus(firstId, VenueStatus.SUSPENDED, cityAdmin());

        int written = registry.upsertAll(List.of(aVenue(prefix + "-1").name("新名称").category("BANK").draft(),
                aVenue(prefix + "-2").draft(), aVenue(prefix + "-3").draft()));

        assertThat(written).isEqualTo(3);
        assertThat(countMine()).isEqualTo(3);
        Venue updated = directory.findByCode(prefix + "-1").orElseThrow();
        assertThat(updated.id()).isEqualTo(firstId);
        assertThat(updated.name()).isEqualTo("新名称");
        assertThat(updated.category().code()).isEqualTo("BANK");
        assertThat(updated.status()).as("an upsert keeps the status").isEqualTo(VenueStatus.SUSPENDED);
        assertThat(events.stream(VenueRegistered.class)).extracting(VenueRegistered::code)
                .containsExactly(prefix + "-1", prefix + "-2", prefix + "-3");
        assertThat(events.stream(VenueChanged.class)).extracting(VenueChanged::code)
                .contains(prefix + "-1", prefix + "-2");
    }

    @Test
    void oneInvalidRowRejectsTheWholeListWithItsIndex() {
        List<VenueDraft> drafts = List.of(aVenue(prefix + "-1").draft(), aVenue(prefix + "-2").town("nowhere").draft(),
                aVenue(prefix + "-3").name(" ").draft());

        assertThatThrownBy(() -> registry.upsertAll(drafts)).isInstanceOfSatisfying(InvalidVenue.class,
                e -> assertThat(e.problems()).containsExactly(
                        Problem.of("rows[1].townCode", "venue.error.townCode.unknown", "nowhere"),
                        Problem.of("rows[2].name", "venue.error.name.required")));
        assertThat(countMine()).isZero();
        assertThat(events.stream(VenueRegistered.class)).isEmpty();
    }

    @Test
    void aCodeTwiceInOneListIsAnError() {
        List<VenueDraft> drafts = List.of(aVenue(prefix + "-1").draft(), aVenue(prefix.toLowerCase() + "-1").draft());

        assertThatThrownBy(() -> registry.upsertAll(drafts)).isInstanceOfSatisfying(InvalidVenue.class,
                e -> assertThat(e.problems()).containsExactly(
                        Problem.of("rows[1].code", "venue.error.code.duplicate", prefix + "-1", 0)));
        assertThat(countMine()).isZero();
    }

    @Test
    void aWholeCityIsWrittenAndRewrittenWithoutDuplicates() {
        List<VenueDraft> city = IntStream.range(0, 4421)
                .mapToObj(i -> aVenue(prefix + "-" + i).category(i % 21 == 0 ? "MEDICAL" : "RESTAURANT").draft())
                .toList();

        // speed is not asserted here (a noisy 2-core machine makes timed tests flaky); demo seeding
        // logs how long the city takes
        assertThat(registry.upsertAll(city)).isEqualTo(4421);
        assertThat(countMine()).isEqualTo(4421);
        registry.upsertAll(city);
        assertThat(countMine()).isEqualTo(4421);
    }

    private long countMine() {
        return queries.page(new VenueFilter(null, null, null, prefix), cityAdmin(), 0, 1).total();
    }
}
