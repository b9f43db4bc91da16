package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.domain.RecentCheckins.Key;
import org.jiaxing.checkin.domain.RecentCheckins.Open;
import org.junit.jupiter.api.Test;

/** The in-memory dedup index: window, order, eviction and its size bound. */
class RecentCheckinsTests {

    private static final long MINUTE = 60_000;
    private static final long WINDOW = 30 * MINUTE;

    @Test
    void theWindowIsHalfOpenFromTheCheckinTime() {
        Open open = open(1, 1, 1, 0);

        assertThat(open.covers(0, WINDOW)).isTrue();
        assertThat(open.covers(WINDOW - 1, WINDOW)).isTrue();
        assertThat(open.covers(WINDOW, WINDOW)).isFalse();
        assertThat(open.covers(-1, WINDOW)).as("earlier than the check-in").isFalse();
    }

    @Test
    void aLaterCheckinReplacesAnEarlierOneButNotTheOtherWayRound() {
        RecentCheckins recent = new RecentCheckins(1_000);
        recent.remember(open(1, 7, 9, 10 * MINUTE));
        recent.remember(open(2, 7, 9, 5 * MINUTE));
        assertThat(recent.find(new Key(7, 9)).id()).isEqualTo(1);

        recent.remember(open(3, 7, 9, 40 * MINUTE));
        assertThat(recent.find(new Key(7, 9)).id()).isEqualTo(3);
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void evictionDropsOnlyCheckinsOlderThanTheCutoff() {
        RecentCheckins recent = new RecentCheckins(1_000);
        recent.remember(open(1, 1, 1, 0));
        recent.remember(open(2, 2, 1, 10 * MINUTE));
        recent.remember(open(3, 3, 1, 20 * MINUTE));

        recent.evictCheckedInBefore(10 * MINUTE);

        assertThat(recent.find(new Key(1, 1))).isNull();
        assertThat(recent.find(new Key(2, 1))).isNotNull();
        assertThat(recent.find(new Key(3, 1))).isNotNull();
    }

    @Test
    void whenFullTheOldestGoFirst() {
        RecentCheckins recent = new RecentCheckins(1_000);
        for (int person = 1; person <= 1_001; person++) {
            recent.remember(open(person, person, 1, person));
        }

        assertThat(recent.size()).isEqualTo(1_000);
        assertThat(recent.find(new Key(1, 1))).isNull();
        assertThat(recent.find(new Key(1_001, 1))).isNotNull();
        assertThat(recent.evictedForSpace()).isEqualTo(1);
    }

    @Test
    void forgettingIsOnlyForTheCheckinThatWasCheckedOut() {
        RecentCheckins recent = new RecentCheckins(1_000);
        recent.remember(open(5, 1, 1, 0));

        recent.forget(new Key(1, 1), 4);
        assertThat(recent.find(new Key(1, 1))).isNotNull();
        recent.forget(new Key(1, 1), 5);
        assertThat(recent.find(new Key(1, 1))).isNull();
    }

    @Test
    void aDuplicateExtendsTheStayButNeverShortensIt() {
        Open open = open(1, 1, 1, 0).seenAt(20 * MINUTE).seenAt(10 * MINUTE);

        assertThat(open.lastSeenAt()).isEqualTo(20 * MINUTE);
        assertThat(open.toCheckin().lastSeenAt().toEpochMilli()).isEqualTo(20 * MINUTE);
    }

    private static Open open(long id, long person, long venue, long checkedInAt) {
        return new Open(id, person, venue, checkedInAt, 0, CheckinChannel.SCAN);
    }
}
