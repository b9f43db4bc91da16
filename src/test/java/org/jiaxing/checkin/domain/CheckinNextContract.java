package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinWithNext;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulk queries with each person's next check-in (tracing's rule 1), on both databases. */
abstract class CheckinNextContract {

    static final Instant NINE = Instant.parse("2026-03-02T01:00:00Z");
    static final Duration HORIZON = Duration.ofHours(24);

    @Autowired CheckinRecorder recorder;
    @Autowired CheckinQueries queries;
    @Autowired MutableClock clock;

    final long venue = TestIds.venue();
    final long otherVenue = TestIds.venue();
    final long thirdVenue = TestIds.venue();
    final long person = TestIds.person();
    final long otherPerson = TestIds.person();

    @Test
    void theNextCheckinIsThePersonsFirstLaterOneAtAnyVenue() {
        Checkin here = at(person, venue, NINE);
        at(otherPerson, otherVenue, NINE.plus(Duration.ofMinutes(5)));
        Checkin elsewhere = at(person, otherVenue, NINE.plus(Duration.ofMinutes(40)));
        at(person, thirdVenue, NINE.plus(Duration.ofHours(2)));

        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plus(Duration.ofHours(3)), HORIZON))
                .containsExactly(new CheckinWithNext(here, elsewhere.checkedInAt()));
    }

    @Test
    void aPersonWithNoLaterCheckinHasNoNext() {
        Checkin earlier = at(person, otherVenue, NINE.minus(Duration.ofHours(1)));
        Checkin only = at(person, venue, NINE);

        assertThat(queries.atVenueWithNext(venue, NINE.minus(Duration.ofHours(2)), NINE.plusSeconds(1), HORIZON))
                .containsExactly(new CheckinWithNext(only, null));
        assertThat(queries.atVenueWithNext(otherVenue, NINE.minus(Duration.ofHours(2)), NINE, HORIZON))
                .containsExactly(new CheckinWithNext(earlier, only.checkedInAt()));
    }

    @Test
    void aCheckinInTheSameSecondIsNotNextOneInTheFollowingSecondIs() {
        Checkin here = at(person, venue, NINE);
        at(person, otherVenue, NINE);
        at(person, thirdVenue, NINE.plusMillis(999));
        long fourthVenue = TestIds.venue();
        Checkin nextSecond = at(person, fourthVenue, NINE.plusMillis(1000));

        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plusSeconds(1), HORIZON))
                .containsExactly(new CheckinWithNext(here, nextSecond.checkedInAt()));
    }

    @Test
    void aRefusedAttemptIsNoNextCheckin() {
        Checkin here = at(person, venue, NINE);
        record(NewCheckin.scan(person, otherVenue, NINE.plus(Duration.ofMinutes(10))).asRefused());
        Checkin accepted = at(person, thirdVenue, NINE.plus(Duration.ofMinutes(20)));

        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plusSeconds(1), HORIZON))
                .containsExactly(new CheckinWithNext(here, accepted.checkedInAt()));
    }

    @Test
    void theNextCheckinIsLookedForOnlyWithinTheHorizon() {
        Duration hour = Duration.ofHours(1);
        Checkin here = at(person, venue, NINE.plusMillis(400));
        at(person, otherVenue, NINE.plus(hour));
        Checkin justInside = at(otherPerson, venue, NINE.plusMillis(400));
        Checkin atTheEdge = at(otherPerson, otherVenue, NINE.plus(hour).minusSeconds(1));

        // the horizon counts from the check-in's second: NINE + 1 h is the first second beyond it
        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plusSeconds(1), hour)).containsExactlyInAnyOrder(
                new CheckinWithNext(here, null), new CheckinWithNext(justInside, atTheEdge.checkedInAt()));
    }

    @Test
    void beforeAllFromOnlyStaysCheckedOutMoreThanTheGivenLengthAfterTheirCheckinGetTheirNext() {
        long thirdPerson = TestIds.person();
        long fourthPerson = TestIds.person();
        Checkin longStay = at(person, venue, NINE);
        Checkin exactlyAnHour = at(otherPerson, venue, NINE);
        Checkin neverLeft = at(thirdPerson, venue, NINE);
        Checkin anHourAndASecond = at(fourthPerson, venue, NINE);
        checkOut(longStay, NINE.plus(Duration.ofHours(2)));
        checkOut(exactlyAnHour, NINE.plus(Duration.ofHours(1)));
        checkOut(anHourAndASecond, NINE.plus(Duration.ofHours(1)).plusSeconds(1));
        Checkin laterArrival = at(otherPerson, venue, NINE.plus(Duration.ofHours(2)));
        Checkin next = at(person, otherVenue, NINE.plus(Duration.ofHours(3)));

        // before allFrom the next check-in only of the long stays (exactlyAnHour's would be laterArrival), from
        // allFrom on of every check-in
        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plus(Duration.ofHours(4)), NINE.plusSeconds(1),
                        Duration.ofHours(1), HORIZON))
                .extracting(row -> row.checkin().id(), CheckinWithNext::nextCheckinAt)
                .containsExactlyInAnyOrder(tuple(longStay.id(), next.checkedInAt()), tuple(exactlyAnHour.id(), null),
                        tuple(neverLeft.id(), null), tuple(anHourAndASecond.id(), null), tuple(laterArrival.id(), null));
        assertThat(queries.atVenueWithNext(venue, NINE, NINE.plus(Duration.ofHours(4)), NINE, Duration.ofHours(1),
                        HORIZON))
                .extracting(row -> row.checkin().id(), CheckinWithNext::nextCheckinAt)
                .contains(tuple(exactlyAnHour.id(), laterArrival.checkedInAt()));
    }

    @Test
    void manyPersonsAtOnceInChunksByPersonThenTime() {
        List<Long> persons = new ArrayList<>();
        for (int i = 0; i < CheckinQueryService.PERSON_CHUNK + 20; i++) {
            persons.add(TestIds.person());
        }
        long first = persons.getFirst();
        long last = persons.getLast();
        Checkin firstAtNine = at(first, venue, NINE);
        Checkin firstLater = at(first, otherVenue, NINE.plus(Duration.ofHours(3)));
        Checkin lastAtNine = at(last, otherVenue, NINE);
        at(last, venue, NINE.plus(Duration.ofHours(5)));
        at(otherPerson, venue, NINE);

        List<CheckinWithNext> found = queries.ofPersonsWithNext(persons.reversed(), NINE,
                NINE.plus(Duration.ofHours(4)), HORIZON);

        // ids grow (TestIds), so the first person comes first; the last person's next check-in lies beyond the
        // range read, but within the horizon
        List<CheckinWithNext> expected = List.of(new CheckinWithNext(firstAtNine, firstLater.checkedInAt()),
                new CheckinWithNext(firstLater, null), new CheckinWithNext(lastAtNine, NINE.plus(Duration.ofHours(5))));
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(queries.ofPersonsWithNext(List.of(), NINE, NINE.plusSeconds(1), HORIZON)).isEmpty();
    }

    void checkOut(Checkin checkin, Instant at) {
        clock.set(at);
        recorder.checkOut(checkin.id(), checkin.personId());
    }

    Checkin at(long personId, long venueId, Instant time) {
        return record(NewCheckin.scan(personId, venueId, time));
    }

    Checkin record(NewCheckin checkin) {
        clock.set(checkin.at());
        return recorder.record(checkin).checkin();
    }
}
