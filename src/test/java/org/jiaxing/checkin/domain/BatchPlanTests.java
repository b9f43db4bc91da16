package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.domain.RecentCheckins.Key;
import org.jiaxing.checkin.domain.RecentCheckins.Open;
import org.junit.jupiter.api.Test;

/** Dedup decisions of one batch for visits that arrive with their check-out (imported paper registers). */
class BatchPlanTests {

    private static final long MINUTE = 60_000;
    private static final long WINDOW = 30 * MINUTE;
    private static final long PERSON = 7;
    private static final long VENUE = 9;
    private static final Key KEY = new Key(PERSON, VENUE);

    private final RecentCheckins recent = new RecentCheckins(1_000);

    @Test
    void aVisitWithItsCheckOutIsInsertedClosedAndTakesNoDuplicates() {
        BatchPlan plan = plan(101, 102);

        CheckinResult visit = plan.record(imported(0, 40));
        CheckinResult scanInItsWindow = plan.record(imported(10, null));

        assertThat(visit.duplicate()).isFalse();
        assertThat(visit.checkin().checkedOutAt()).isEqualTo(at(40));
        assertThat(scanInItsWindow.duplicate()).as("a closed stay takes no duplicates").isFalse();
        assertThat(plan.inserts()).extracting(row -> row.checkin().checkedOutAt()).containsExactly(at(40), null);
        assertThat(plan.closures()).isEmpty();
    }

    @Test
    void aDuplicateWithACheckOutExtendsAndEndsTheOpenStay() {
        recent.remember(new Open(55, PERSON, VENUE, 0, 0, CheckinChannel.SCAN));
        BatchPlan plan = plan(101, 102);

        CheckinResult joined = plan.record(imported(10, 45));
        CheckinResult afterwards = plan.record(imported(20, null));

        assertThat(joined.duplicate()).isTrue();
        assertThat(joined.checkin().id()).isEqualTo(55);
        assertThat(joined.checkin().lastSeenAt()).isEqualTo(at(10));
        assertThat(joined.checkin().checkedOutAt()).isEqualTo(at(45));
        assertThat(plan.extensions()).containsExactly(new CheckinStore.Extension(55, 0, 10 * MINUTE));
        assertThat(plan.closures()).containsExactly(new CheckinStore.Closure(55, 0, 45 * MINUTE));
        assertThat(afterwards.duplicate()).as("the stay ended, so this is a new visit").isFalse();
        // after the commit the index no longer offers the ended stay
        plan.applyTo(recent, 0);
        assertThat(recent.find(KEY).id()).isEqualTo(101);
    }

    @Test
    void aStayInsertedByTheSameBatchIsExtendedAndEndedInItsInsert() {
        BatchPlan plan = plan(101, 102);

        plan.record(imported(0, null));
        CheckinResult joined = plan.record(imported(10, 45));

        assertThat(joined.duplicate()).isTrue();
        assertThat(joined.checkin().id()).isEqualTo(101);
        assertThat(joined.checkin().checkedOutAt()).isEqualTo(at(45));
        // one statement on PostgreSQL: an update could not see the row its own insert adds
        assertThat(plan.extensions()).isEmpty();
        assertThat(plan.closures()).isEmpty();
        assertThat(plan.inserts()).singleElement().satisfies(row -> {
            assertThat(row.lastSeenAt()).isEqualTo(10 * MINUTE);
            assertThat(row.checkin().checkedOutAt()).isEqualTo(at(45));
        });
        plan.applyTo(recent, 0);
        assertThat(recent.find(KEY)).as("ended, so not open").isNull();
    }

    @Test
    void anEndedStayNeverEndsBeforeAScanFoldedIntoIt() {
        recent.remember(new Open(55, PERSON, VENUE, 0, 25 * MINUTE, CheckinChannel.SCAN));
        BatchPlan plan = plan(101);

        CheckinResult joined = plan.record(imported(5, 10));

        assertThat(joined.checkin().checkedOutAt()).isEqualTo(at(25));
        assertThat(plan.closures()).containsExactly(new CheckinStore.Closure(55, 0, 25 * MINUTE));
    }

    @Test
    void staysOlderThanTheCutoffAreNotRememberedSoTheIndexKeepsCheckinOrder() {
        recent.remember(new Open(1, 1, 1, 100 * MINUTE, 0, CheckinChannel.SCAN));
        BatchPlan plan = plan(101, 102);
        plan.record(imported(0, null));
        plan.record(new NewCheckin(PERSON, 2, at(100), false, CheckinChannel.IMPORT, null));

        plan.applyTo(recent, 90 * MINUTE);

        assertThat(recent.find(KEY)).as("days-old import").isNull();
        assertThat(recent.find(new Key(PERSON, 2)).id()).isEqualTo(102);
        assertThat(recent.size()).isEqualTo(2);
    }

    private BatchPlan plan(long... ids) {
        return new BatchPlan(recent, WINDOW, 0, ids);
    }

    private static NewCheckin imported(long minutes, Integer outMinutes) {
        NewCheckin checkin = new NewCheckin(PERSON, VENUE, at(minutes), false, CheckinChannel.IMPORT, null);
        return outMinutes == null ? checkin : checkin.withCheckOutAt(at(outMinutes));
    }

    private static Instant at(long minutes) {
        return Instant.ofEpochMilli(minutes * MINUTE);
    }
}
