package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
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

    @Test
    void pairsThatShareATableSlotAreKeptApartAndSurviveEachOthersRemoval() {
        // capacity 1,000 has a table of 2,048 slots: 10,000 pairs collide in every slot several times over
        RecentCheckins recent = new RecentCheckins(1_000);
        for (int i = 0; i < 1_000; i++) {
            recent.remember(open(i + 1, i % 37, i / 37, i));
        }
        for (int i = 0; i < 1_000; i += 2) {
            recent.forget(new Key(i % 37, i / 37), i + 1);
        }

        assertThat(recent.size()).isEqualTo(500);
        for (int i = 0; i < 1_000; i++) {
            Open found = recent.find(new Key(i % 37, i / 37));
            if (i % 2 == 0) {
                assertThat(found).as("forgotten pair %d", i).isNull();
            } else {
                assertThat(found).as("kept pair %d", i).isNotNull();
                assertThat(found.id()).isEqualTo(i + 1);
                assertThat(found.checkedInAt()).isEqualTo(i);
            }
        }
    }

    @Test
    void theRingWrapsAroundTheEndOfItsArrays() {
        RecentCheckins recent = new RecentCheckins(1_000);
        // three times round the ring, the window moving along with the check-ins
        for (int i = 0; i < 3_000; i++) {
            recent.remember(open(i + 1, i, 1, i * MINUTE));
            recent.evictCheckedInBefore((i - 499) * MINUTE);
        }

        assertThat(recent.size()).isEqualTo(500);
        assertThat(recent.evictedForSpace()).as("the window, not the space, made room").isZero();
        assertThat(recent.find(new Key(2_499, 1))).isNull();
        assertThat(recent.find(new Key(2_500, 1)).id()).isEqualTo(2_501);
        assertThat(recent.find(new Key(2_999, 1)).id()).isEqualTo(3_000);
    }

    @Test
    void evictionSkipsTheHolesLeftByCheckoutsAndStopsAtTheFirstKeptCheckin() {
        RecentCheckins recent = new RecentCheckins(1_000);
        recent.remember(open(1, 1, 1, 0));
        recent.remember(open(2, 2, 1, 10 * MINUTE));
        recent.remember(open(3, 3, 1, 20 * MINUTE));
        recent.forget(new Key(1, 1), 1);
        recent.forget(new Key(2, 1), 2);

        recent.evictCheckedInBefore(5 * MINUTE);

        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.find(new Key(3, 1)).id()).isEqualTo(3);
    }

    @Test
    void aFullRingMakesRoomFromTheHolesBeforeEvictingAnOpenCheckin() {
        RecentCheckins recent = new RecentCheckins(1_000);
        for (int person = 1; person <= 1_000; person++) {
            recent.remember(open(person, person, 1, person));
        }
        recent.forget(new Key(1, 1), 1);

        recent.remember(open(1_001, 1_001, 1, 1_001));

        assertThat(recent.size()).isEqualTo(1_000);
        assertThat(recent.evictedForSpace()).isZero();
        assertThat(recent.find(new Key(2, 1))).isNotNull();

        recent.remember(open(1_002, 1_002, 1, 1_002));

        assertThat(recent.evictedForSpace()).isEqualTo(1);
        assertThat(recent.find(new Key(2, 1))).as("the oldest open check-in went").isNull();
        assertThat(recent.find(new Key(3, 1))).isNotNull();
    }

    @Test
    void theSameStaySeenAgainIsUpdatedInPlaceAndKeepsItsPlaceInTheOrder() {
        RecentCheckins recent = new RecentCheckins(1_000);
        recent.remember(open(1, 1, 1, 0));
        recent.remember(open(2, 2, 1, 10 * MINUTE));
        recent.remember(new Open(1, 1, 1, 0, 25 * MINUTE, CheckinChannel.API));

        assertThat(recent.find(new Key(1, 1)))
                .isEqualTo(new Open(1, 1, 1, 0, 25 * MINUTE, CheckinChannel.API));
        recent.evictCheckedInBefore(5 * MINUTE);
        assertThat(recent.find(new Key(1, 1))).as("still the oldest").isNull();
        assertThat(recent.find(new Key(2, 1))).isNotNull();
    }

    @Test
    void behavesLikeAnInsertionOrderedMapUnderRandomOperations() {
        RecentCheckins recent = new RecentCheckins(1_000);
        Map<Key, Open> model = new LinkedHashMap<>();
        Map<Key, Long> lastId = new HashMap<>();
        Random random = new Random(42);
        long clock = 0;
        long nextId = 1;
        for (int step = 0; step < 200_000; step++) {
            Key key = new Key(random.nextInt(300), random.nextInt(8));
            int action = random.nextInt(10);
            if (action < 7) {
                clock += random.nextInt(3);
                Open open = new Open(nextId++, key.personId(), key.venueId(), clock, 0, CheckinChannel.SCAN);
                recent.remember(open);
                rememberInModel(model, open, 1_000);
                lastId.put(key, open.id());
            } else if (action < 9) {
                long id = random.nextBoolean() ? lastId.getOrDefault(key, 0L) : nextId + 1;
                recent.forget(key, id);
                Open known = model.get(key);
                if (known != null && known.id() == id) {
                    model.remove(key);
                }
            } else {
                long cutoff = clock - random.nextInt(200);
                recent.evictCheckedInBefore(cutoff);
                Iterator<Open> oldestFirst = model.values().iterator();
                while (oldestFirst.hasNext() && oldestFirst.next().checkedInAt() < cutoff) {
                    oldestFirst.remove();
                }
            }
            if (step % 997 == 0) {
                for (Key any : model.keySet()) {
                    assertThat(recent.find(any)).as("step %d", step).isEqualTo(model.get(any));
                }
                assertThat(recent.size()).as("step %d", step).isEqualTo(model.size());
                assertThat(recent.evictedForSpace()).as("the model never fills up").isZero();
            }
        }
    }

    /** The former LinkedHashMap index, as the model (its capacity is never reached here: 2,400 pairs). */
    private static void rememberInModel(Map<Key, Open> model, Open open, int capacity) {
        Open known = model.get(open.key());
        if (known != null && known.checkedInAt() > open.checkedInAt()) {
            return;
        }
        if (known != null && known.checkedInAt() != open.checkedInAt()) {
            model.remove(open.key());
        }
        model.put(open.key(), open);
        assertThat(model.size()).isLessThanOrEqualTo(capacity);
    }

    private static Open open(long id, long person, long venue, long checkedInAt) {
        return new Open(id, person, venue, checkedInAt, 0, CheckinChannel.SCAN);
    }
}
