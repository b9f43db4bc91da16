package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every rule of issue 4 and each boundary of its "Done means" list, on check-ins held in memory. */
class ContactTracerTests {

    static final long T = 1_800_000_000L;
    static final long MIN = 60;
    static final long HOUR = 3600;

    /** dwell 45, close 15, linger 30 minutes. */
    static final long SHOP = 1;
    /** dwell 480, close 60, linger 30 minutes. */
    static final long OFFICE = 2;
    /** dwell 90, close 15, linger 30 minutes. */
    static final long RESTAURANT = 3;
    static final long GYM = 4;

    static final long CASE = 100;
    static final long CASE_2 = 101;

    final World world = new World();

    // rule 3: exactly close minutes of overlap vs one second less

    @Test
    void overlapOfExactlyCloseMinutesIsClose() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + HOUR - 15 * MIN, T + 2 * HOUR);
        Contact contact = only(trace(window(CASE, T, T + 10 * HOUR)), 1);
        assertThat(contact.level()).isEqualTo(ContactLevel.CLOSE);
        assertThat(contact.evidence()).containsExactly(
                new Evidence(ContactLevel.CLOSE, SHOP, T + HOUR - 15 * MIN, T + HOUR, CASE, null, 2));
    }

    @Test
    void overlapOneSecondShortOfCloseMinutesIsOnlyExposed() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + HOUR - 15 * MIN + 1, T + 2 * HOUR);
        Contact contact = only(trace(window(CASE, T, T + 10 * HOUR)), 1);
        assertThat(contact.level()).isEqualTo(ContactLevel.EXPOSED);
        // the evidence runs to the end of the risk window (linger 30 minutes)
        assertThat(contact.evidence()).containsExactly(new Evidence(ContactLevel.EXPOSED, SHOP,
                T + HOUR - 15 * MIN + 1, T + HOUR + 30 * MIN, CASE, null, 2));
    }

    // rule 4: arrival exactly at P.end + linger vs one second earlier

    @Test
    void arrivalExactlyWhenTheLingerTimeEndsIsNoExposure() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + HOUR + 30 * MIN, null);
        assertThat(trace(window(CASE, T, T + 10 * HOUR)).contacts()).isEmpty();
    }

    @Test
    void arrivalOneSecondBeforeTheLingerTimeEndsIsExposed() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + HOUR + 30 * MIN - 1, null);
        Contact contact = only(trace(window(CASE, T, T + 10 * HOUR)), 1);
        assertThat(contact.level()).isEqualTo(ContactLevel.EXPOSED);
        assertThat(contact.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.from()).isEqualTo(T + HOUR + 30 * MIN - 1);
            assertThat(evidence.seconds()).isEqualTo(1);
        });
    }

    @Test
    void leavingExactlyWhenTheCaseArrivesIsNoExposure() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T - HOUR, T);
        assertThat(trace(window(CASE, T - 5 * HOUR, T + 10 * HOUR)).contacts()).isEmpty();
    }

    // rule 1: presence intervals

    @Test
    void caseVisitIsCutShortByTheCasesNextCheckin() {
        world.visit(CASE, SHOP, T, null); // dwell would make it [T, T+45m)
        world.visit(CASE, OFFICE, T + 10 * MIN, T + 20 * MIN);
        world.visit(1, SHOP, T, T + HOUR); // 10 minutes with the case: below close
        TraceResult result = trace(window(CASE, T - HOUR, T + 10 * HOUR));
        assertThat(result.casePresences()).extracting(CasePresence::venueId, CasePresence::start, CasePresence::end,
                CasePresence::riskEnd).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SHOP, T, T + 10 * MIN, T + 40 * MIN),
                        org.assertj.core.groups.Tuple.tuple(OFFICE, T + 10 * MIN, T + 20 * MIN, T + 50 * MIN));
        assertThat(only(result, 1).level()).isEqualTo(ContactLevel.EXPOSED);
    }

    @Test
    void contactVisitIsCutShortByTheContactsNextCheckinEvenElsewhere() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, null); // dwell 45 minutes ...
        world.visit(1, OFFICE, T + 14 * MIN, T + 15 * MIN); // ... but left after 14
        assertThat(only(trace(window(CASE, T, T + 10 * HOUR)), 1).level()).isEqualTo(ContactLevel.EXPOSED);
    }

    @Test
    void aLaterCheckinAtTheSameSecondDoesNotCut() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, null);
        world.visit(1, OFFICE, T, T + 1); // same second: not "later"
        assertThat(only(trace(window(CASE, T, T + 10 * HOUR)), 1).level()).isEqualTo(ContactLevel.CLOSE);
    }

    @Test
    void checkoutBeforeCheckinFallsBackToDwell() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + 10 * MIN, T + 5 * MIN); // out < in: 45 minutes of dwell
        world.visit(2, SHOP, T + 10 * MIN, T + 10 * MIN); // out = in: also dwell
        TraceResult result = trace(window(CASE, T, T + 10 * HOUR));
        assertThat(only(result, 1).evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.to()).isEqualTo(T + 55 * MIN));
        assertThat(only(result, 2).level()).isEqualTo(ContactLevel.CLOSE);
    }

    @Test
    void noCheckoutMeansDwellMinutesOfTheCategory() {
        world.visit(CASE, OFFICE, T, null); // 8 hours
        world.visit(1, OFFICE, T + 7 * HOUR, null); // one hour together: close is 60 minutes at an office
        world.visit(2, OFFICE, T + 7 * HOUR + 1, null);
        TraceResult result = tracer().trace(List.of(window(CASE, T, T + 10 * HOUR)), T + 48 * HOUR, false);
        assertThat(only(result, 1).level()).isEqualTo(ContactLevel.CLOSE);
        assertThat(only(result, 2).level()).isEqualTo(ContactLevel.EXPOSED);
    }

    @Test
    void aPresenceThatStartedLongBeforeTheCaseArrivedIsFound() {
        world.visit(1, OFFICE, T - 7 * HOUR, null); // without check-out: until T + 1h
        world.visit(CASE, OFFICE, T, T + 2 * HOUR);
        assertThat(only(trace(window(CASE, T, T + 10 * HOUR)), 1).level()).isEqualTo(ContactLevel.CLOSE);
    }

    // rule 2: the infectious window

    @Test
    void visitPartlyOutsideTheWindowCountsOnlyInside() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + 40 * MIN); // 40 min with the case, but only 10 inside W
        world.visit(2, SHOP, T, T + 29 * MIN); // left before W started
        world.visit(3, SHOP, T + 40 * MIN, T + 55 * MIN); // 15 minutes inside W
        TraceResult result = trace(window(CASE, T + 30 * MIN, T + 10 * HOUR));
        assertThat(result.casePresences()).singleElement().satisfies(presence -> {
            assertThat(presence.start()).isEqualTo(T + 30 * MIN);
            assertThat(presence.end()).isEqualTo(T + HOUR);
        });
        assertThat(only(result, 1).level()).isEqualTo(ContactLevel.EXPOSED);
        assertThat(find(result, 2)).isEmpty();
        assertThat(only(result, 3).level()).isEqualTo(ContactLevel.CLOSE);
    }

    @Test
    void windowEndCutsThePresenceAndTheRiskWindowFollowsIt() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + 30 * MIN, T + 2 * HOUR); // 30 minutes in the shop with the case, 10 inside W
        TraceResult result = trace(window(CASE, T - HOUR, T + 40 * MIN));
        assertThat(result.casePresences()).singleElement()
                .satisfies(presence -> assertThat(presence.riskEnd()).isEqualTo(T + 70 * MIN));
        Contact contact = only(result, 1);
        assertThat(contact.level()).isEqualTo(ContactLevel.EXPOSED);
        assertThat(contact.evidence().getFirst().to()).isEqualTo(T + 70 * MIN);
    }

    @Test
    void checkinsOutsideTheWindowAreNoCasePresence() {
        world.visit(CASE, SHOP, T - 2 * HOUR, T - HOUR);
        world.visit(1, SHOP, T - 2 * HOUR, T - HOUR);
        TraceResult result = trace(window(CASE, T, T + HOUR));
        assertThat(result.casePresences()).isEmpty();
        assertThat(result.contacts()).isEmpty();
    }

    // rule 5: secondary contacts

    @Test
    void secondaryContactsMeetTheCloseContactAfterExposureForCloseMinutes() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + 30 * MIN, T + HOUR); // close from T+30m
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, RESTAURANT, T + 2 * HOUR + 45 * MIN, T + 4 * HOUR); // exactly 15 minutes with 1
        world.visit(3, RESTAURANT, T + 2 * HOUR + 45 * MIN + 1, T + 4 * HOUR); // one second short
        TraceResult result = trace(window(CASE, T, T + 10 * HOUR), T + 24 * HOUR);
        Contact secondary = only(result, 2);
        assertThat(secondary.level()).isEqualTo(ContactLevel.SECONDARY);
        assertThat(secondary.evidence()).containsExactly(new Evidence(ContactLevel.SECONDARY, RESTAURANT,
                T + 2 * HOUR + 45 * MIN, T + 3 * HOUR, CASE, 1L, 4));
        assertThat(find(result, 3)).isEmpty();
    }

    @Test
    void anOverlapWithTheCloseContactBeforeTheirExposureDoesNotCount() {
        world.visit(1, GYM, T - 2 * HOUR, T - HOUR); // before meeting the case
        world.visit(2, GYM, T - 2 * HOUR, T - HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(CASE, SHOP, T + 30 * MIN, T + HOUR); // exposure of 1 starts at T+30m
        world.visit(3, SHOP, T - 10 * MIN, T + 20 * MIN); // 30 min with 1 in the shop, all before T+30m
        world.visit(4, SHOP, T + 15 * MIN, T + 45 * MIN); // 15 min with 1 after T+30m, but also with the case
        TraceResult result = trace(window(CASE, T - 5 * HOUR, T + 10 * HOUR), T + 24 * HOUR);
        assertThat(only(result, 1).level()).isEqualTo(ContactLevel.CLOSE);
        assertThat(only(result, 1).evidence()).extracting(Evidence::from).containsExactly(T + 30 * MIN);
        assertThat(find(result, 2)).isEmpty();
        assertThat(find(result, 3)).isEmpty();
        assertThat(only(result, 4).level()).isEqualTo(ContactLevel.CLOSE);
    }

    @Test
    void aCloseContactsPresenceStraddlingTheExposureCountsOnlyFromTheExposureOn() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + 40 * MIN, T + 2 * HOUR); // close from T+40m (20 minutes with the case)
        world.visit(2, SHOP, T + 70 * MIN, T + 90 * MIN); // 20 min with 1, after the exposure
        world.visit(3, SHOP, T + 20 * MIN, T + 45 * MIN); // with 1 for 5 minutes after its exposure
        TraceResult result = trace(window(CASE, T, T + HOUR), T + 24 * HOUR);
        assertThat(only(result, 2).level()).isEqualTo(ContactLevel.SECONDARY);
        // 3 was with the case 25 minutes: close itself
        assertThat(only(result, 3).level()).isEqualTo(ContactLevel.CLOSE);
    }

    @Test
    void secondaryPresencesEndAtAsOf() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        CaseWindow window = window(CASE, T, T + HOUR);
        assertThat(find(trace(window, T + 2 * HOUR + 14 * MIN), 2)).isEmpty();
        assertThat(only(trace(window, T + 2 * HOUR + 15 * MIN), 2).level()).isEqualTo(ContactLevel.SECONDARY);
    }

    @Test
    void secondaryOutranksExposedAndKeepsBothEvidence() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(2, SHOP, T + HOUR + 10 * MIN, T + HOUR + 20 * MIN); // exposed (linger)
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        Contact contact = only(trace(window(CASE, T, T + HOUR), T + 24 * HOUR), 2);
        assertThat(contact.level()).isEqualTo(ContactLevel.SECONDARY);
        assertThat(contact.evidence()).extracting(Evidence::kind)
                .containsExactly(ContactLevel.SECONDARY, ContactLevel.EXPOSED);
    }

    @Test
    void secondaryContactsAreOnlyLookedForWhenAsked() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        TraceResult firstDegree = tracer().trace(List.of(window(CASE, T, T + HOUR)), T + 24 * HOUR, false);
        assertThat(firstDegree.contacts()).extracting(Contact::personId).containsExactly(1L);
    }

    // rule 6: each person once, highest level

    @Test
    void aPersonCloseViaOneCaseAndSecondaryViaAnotherIsCloseOnce() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T, T + HOUR); // close via CASE
        world.visit(CASE_2, GYM, T, T + HOUR);
        world.visit(2, GYM, T, T + HOUR); // close via CASE_2
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(2, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR); // 1 and 2 meet after both were exposed
        world.visit(3, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR); // secondary via both
        TraceResult result = trace(List.of(window(CASE, T, T + HOUR), window(CASE_2, T, T + HOUR)), T + 24 * HOUR);
        assertThat(result.contacts()).extracting(Contact::personId).containsExactly(1L, 2L, 3L);
        assertThat(only(result, 1).level()).isEqualTo(ContactLevel.CLOSE);
        assertThat(only(result, 1).evidence()).extracting(Evidence::casePersonId).containsExactly(CASE);
        assertThat(only(result, 2).level()).isEqualTo(ContactLevel.CLOSE);
        assertThat(only(result, 3).evidence()).extracting(Evidence::viaPersonId).containsExactly(1L, 2L);
        assertThat(only(result, 3).evidence()).extracting(Evidence::casePersonId).containsExactly(CASE, CASE_2);
    }

    @Test
    void aPersonCloseToTwoCasesAppearsOnceWithBothEvidence() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(CASE_2, GYM, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(1, SHOP, T, T + HOUR);
        world.visit(1, GYM, T + 2 * HOUR, T + 3 * HOUR);
        TraceResult result = trace(List.of(window(CASE, T, T + HOUR), window(CASE_2, T, T + 5 * HOUR)), T + 6 * HOUR);
        assertThat(result.contacts()).hasSize(1);
        assertThat(only(result, 1).evidence()).extracting(Evidence::casePersonId).containsExactly(CASE, CASE_2);
        assertThat(result.counts()).containsEntry(ContactLevel.CLOSE, 1).containsEntry(ContactLevel.SECONDARY, 0)
                .containsEntry(ContactLevel.EXPOSED, 0);
    }

    @Test
    void twoCasesWhoMetNeverAppearAsContacts() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(CASE_2, SHOP, T, T + HOUR);
        world.visit(CASE, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(1, RESTAURANT, T + 2 * HOUR, T + 3 * HOUR);
        world.visit(CASE_2, GYM, T + 4 * HOUR, T + 5 * HOUR);
        world.visit(1, GYM, T + 4 * HOUR, T + 5 * HOUR); // the close contact meets the other case
        TraceResult result = trace(List.of(window(CASE, T, T + HOUR * 3), window(CASE_2, T, T + HOUR)), T + 24 * HOUR);
        assertThat(result.contacts()).extracting(Contact::personId).containsExactly(1L);
    }

    // rule 7 and reproducibility

    @Test
    void everyCasePresenceIsARiskWindowUntilTheLingerTimeEnds() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(CASE, OFFICE, T + 2 * HOUR, null);
        TraceResult result = trace(window(CASE, T, T + 4 * HOUR));
        assertThat(result.casePresences()).extracting(CasePresence::venueId, CasePresence::start, CasePresence::riskEnd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SHOP, T, T + 90 * MIN),
                        org.assertj.core.groups.Tuple.tuple(OFFICE, T + 2 * HOUR, T + 4 * HOUR + 30 * MIN));
    }

    @Test
    void checkinsFromAsOfOnAreIgnoredSoReRunsGiveTheSameAnswer() {
        world.visit(CASE, SHOP, T, T + HOUR);
        world.visit(1, SHOP, T + 10 * MIN, null);
        long asOf = T + 20 * MIN;
        TraceResult before = trace(window(CASE, T, T + 2 * HOUR), asOf);
        assertThat(only(before, 1).level()).isEqualTo(ContactLevel.CLOSE);
        world.visit(1, OFFICE, asOf + MIN, null); // after asOf: would cut 1's visit to 11 minutes
        world.visit(2, SHOP, asOf, null);
        assertThat(trace(window(CASE, T, T + 2 * HOUR), asOf)).isEqualTo(before);
        assertThat(only(trace(window(CASE, T, T + 2 * HOUR), asOf + 2 * MIN), 1).level())
                .isEqualTo(ContactLevel.EXPOSED);
    }

    @Test
    void resultsDoNotDependOnTheOrderOfTheData() {
        world.visit(CASE, SHOP, T, T + HOUR);
        for (long person = 1; person <= 20; person++) {
            world.visit(person, SHOP, T + person * MIN, T + person * 4 * MIN);
            world.visit(person, RESTAURANT, T + 2 * HOUR + person * MIN, null);
        }
        TraceResult forward = trace(window(CASE, T, T + HOUR), T + 24 * HOUR);
        world.reverse();
        assertThat(trace(window(CASE, T, T + HOUR), T + 24 * HOUR)).isEqualTo(forward);
        assertThat(forward.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    }

    // helpers

    TraceResult trace(CaseWindow window) {
        return trace(List.of(window), T + 48 * HOUR);
    }

    TraceResult trace(CaseWindow window, long asOf) {
        return trace(List.of(window), asOf);
    }

    TraceResult trace(List<CaseWindow> windows, long asOf) {
        return tracer().trace(windows, asOf, true);
    }

    ContactTracer tracer() {
        return new ContactTracer(world, world);
    }

    static CaseWindow window(long person, long from, long to) {
        return new CaseWindow(person, from, to);
    }

    static Contact only(TraceResult result, long person) {
        return find(result, person).orElseThrow(() -> new AssertionError("person " + person + " is no contact"));
    }

    static Optional<Contact> find(TraceResult result, long person) {
        return result.contacts().stream().filter(contact -> contact.personId() == person).findFirst();
    }

    /** Check-ins in a list, with the rules of four venues. */
    static final class World implements Presences, RuleBook {

        private final List<Stay> stays = new ArrayList<>();
        private final Map<Long, VenueRule> rules = Map.of(SHOP, VenueRule.ofMinutes(45, 15, 30),
                OFFICE, VenueRule.ofMinutes(480, 60, 30), RESTAURANT, VenueRule.ofMinutes(90, 15, 30),
                GYM, VenueRule.ofMinutes(90, 15, 30));

        void visit(long person, long venue, long in, Long out) {
            stays.add(new Stay(stays.size() + 1, person, venue, in, out));
        }

        List<Stay> all() {
            return List.copyOf(stays);
        }

        void reverse() {
            stays.sort(Comparator.comparingLong(Stay::checkinId).reversed());
        }

        @Override
        public List<Stay> atVenue(long venueId, long from, long to) {
            return stays.stream().filter(s -> s.venueId() == venueId && s.in() >= from && s.in() < to).toList();
        }

        @Override
        public List<Stay> ofPerson(long personId, long from, long to) {
            return stays.stream().filter(s -> s.personId() == personId && s.in() >= from && s.in() < to).toList();
        }

        @Override
        public VenueRule forVenue(long venueId) {
            return rules.get(venueId);
        }

        @Override
        public long lookback() {
            return 24 * HOUR;
        }
    }
}
