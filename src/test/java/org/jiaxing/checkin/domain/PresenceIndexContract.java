package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinWithNext;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.PresenceIndex;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The presence index answers exactly what the database answers ({@link CheckinQueries}, refused attempts left
 * out), after every kind of write the module does: scans, refused attempts, duplicates, duplicates that bring a
 * check-out, check-outs, imports with old times (in one all-or-nothing batch), the retention purge; and again
 * after a rebuild from the table. On both databases.
 */
abstract class PresenceIndexContract {

    // before the other check-in tests' times: the purge below must not drop the day partitions they expect
    static final Instant T = Instant.parse("2026-01-10T00:00:00Z");
    static final Duration HORIZON = Duration.ofHours(24);

    @Autowired CheckinRecorder recorder;
    @Autowired CheckinQueries queries;
    @Autowired PresenceIndex index;
    @Autowired MutableClock clock;
    @Autowired RetentionPurge purge;
    @Autowired CheckinProperties properties;

    final List<Long> venues = new ArrayList<>();
    final List<Long> persons = new ArrayList<>();

    @BeforeEach
    void ready() throws InterruptedException {
        for (int i = 0; i < 600 && !index.ready(); i++) {
            Thread.sleep(50);
        }
        assertThat(index.ready()).as("the index loaded at start-up").isTrue();
        for (int i = 0; i < 5; i++) {
            venues.add(TestIds.venue());
        }
        for (int i = 0; i < 12; i++) {
            persons.add(TestIds.person());
        }
    }

    @Test
    void answersWhatTheDatabaseAnswersAfterEveryKindOfWriteAndAfterARebuildAndAPurge() {
        SplittableRandom random = new SplittableRandom(4);
        List<Checkin> open = new ArrayList<>();
        Instant now = T;
        for (int step = 0; step < 400; step++) {
            now = now.plusMillis(random.nextLong(1, 8 * 60_000));
            long person = persons.get(random.nextInt(persons.size()));
            long venue = venues.get(random.nextInt(venues.size()));
            int kind = random.nextInt(20);
            clock.set(now);
            if (kind < 11) {
                // a scan (a duplicate when the person is still checked in there within the window)
                open.add(recorder.record(NewCheckin.scan(person, venue, now)).checkin());
            } else if (kind < 13) {
                recorder.record(NewCheckin.scan(person, venue, now).asRefused());
            } else if (kind < 15 && !open.isEmpty()) {
                Checkin stay = open.remove(random.nextInt(open.size()));
                try {
                    recorder.checkOut(stay.id(), stay.personId());
                } catch (RuntimeException alreadyOut) {
                    // checked out by a duplicate that brought a check-out, or twice: the database said no
                }
            } else if (kind < 17 && now.toEpochMilli() % 1000 < 990) {
                // the same person twice in one second (a check-in in the same second is not "next")
                Instant sameSecond = now.plusMillis(random.nextInt(1, 999 - (int) (now.toEpochMilli() % 1000)));
                clock.set(sameSecond);
                recorder.record(NewCheckin.scan(person, venues.get((venues.indexOf(venue) + 1) % venues.size()),
                        sameSecond));
                now = sameSecond;
            } else {
                // an import: old visits with check-outs, all or nothing (some fold into open stays and end them)
                List<NewCheckin> visits = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    Instant in = now.minus(Duration.ofMinutes(random.nextLong(1, 3 * 24 * 60)));
                    if (in.isBefore(T.minus(Duration.ofDays(3)))) {
                        in = T.minus(Duration.ofDays(3));
                    }
                    visits.add(new NewCheckin(persons.get(random.nextInt(persons.size())),
                            venues.get(random.nextInt(venues.size())), in, false, CheckinChannel.IMPORT, null,
                            in.plus(Duration.ofSeconds(random.nextLong(1, Math.min(4 * 3600,
                                    Duration.between(in, now).toSeconds()) + 1)))));
                }
                recorder.recordAll(visits);
            }
        }
        Instant end = now.plus(Duration.ofHours(1));
        Instant start = T.minus(Duration.ofDays(4));
        assertSameAsDatabase(start, end, random);

        index.rebuild();
        assertSameAsDatabase(start, end, random);

        // the purge cuts through the data: two days after T, minus the retention
        clock.set(T.plus(Duration.ofDays(1)).plus(properties.retention()).plusMillis(300));
        purge.purge();
        assertSameAsDatabase(start, end, random);
    }

    @Test
    void anImportIsSeenAsSoonAsItIsAcknowledged() {
        long person = persons.getFirst();
        long venue = venues.getFirst();
        clock.set(T.plus(Duration.ofDays(1)));
        Instant in = T.minus(Duration.ofHours(30));
        List<Checkin> imported = recorder.recordAll(List.of(new NewCheckin(person, venue, in, false,
                CheckinChannel.IMPORT, null, in.plus(Duration.ofHours(2))))).stream().map(r -> r.checkin()).toList();

        List<long[]> seen = new ArrayList<>();
        index.scanVenue(venue, in.getEpochSecond(), in.getEpochSecond() + 1, 60,
                (id, p, v, at, out, next) -> seen.add(new long[] {id, p, at, out}));
        assertThat(seen).singleElement().satisfies(row -> assertThat(row).containsExactly(imported.getFirst().id(),
                person, in.getEpochSecond(), in.getEpochSecond() + 7200));
    }

    @Test
    void readersRunWhileTheWriterAppendsAndSeeEveryAcknowledgedCheckin() throws Exception {
        long venue = venues.getFirst();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(1);
        int[] acknowledged = {0};
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int r = 0; r < 1; r++) {
                results.add(readers.submit(() -> {
                    int scans = 0;
                    while (writing.get()) {
                        int before;
                        synchronized (acknowledged) {
                            before = acknowledged[0];
                        }
                        int[] count = {0};
                        long[] last = {Long.MIN_VALUE};
                        index.scanVenue(venue, T.getEpochSecond(), T.getEpochSecond() + 86_400, 3600,
                                (id, p, v, at, out, next) -> {
                                    assertThat(at).isGreaterThanOrEqualTo(last[0]);
                                    last[0] = at;
                                    count[0]++;
                                });
                        assertThat(count[0]).as("no acknowledged check-in missing").isGreaterThanOrEqualTo(before);
                        scans++;
                        Thread.sleep(1); // leave the writer a core (two on the test machine)
                    }
                    return scans;
                }));
            }
            for (int i = 0; i < 500; i++) {
                Instant at = T.plusSeconds(i * 7L);
                clock.set(at);
                // a new person each time: never a duplicate
                recorder.record(NewCheckin.scan(TestIds.person(), venue, at));
                synchronized (acknowledged) {
                    acknowledged[0]++;
                }
            }
        } finally {
            writing.set(false);
            readers.shutdown();
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isPositive();
        }
        int[] count = {0};
        index.scanVenue(venue, T.getEpochSecond(), T.getEpochSecond() + 86_400, 3600,
                (id, p, v, at, out, next) -> count[0]++);
        assertThat(count[0]).isEqualTo(500);
    }

    /** Every venue and person of the test, over the whole range and a few random parts of it. */
    void assertSameAsDatabase(Instant start, Instant end, SplittableRandom random) {
        List<Instant[]> ranges = new ArrayList<>();
        ranges.add(new Instant[] {start, end});
        for (int i = 0; i < 8; i++) {
            long a = random.nextLong(start.getEpochSecond(), end.getEpochSecond());
            long b = random.nextLong(start.getEpochSecond(), end.getEpochSecond());
            ranges.add(new Instant[] {Instant.ofEpochSecond(Math.min(a, b)), Instant.ofEpochSecond(Math.max(a, b) + 1)});
        }
        Duration[] horizons = {HORIZON, Duration.ofMinutes(20), Duration.ofSeconds(1)};
        int rows = 0;
        for (Instant[] range : ranges) {
            for (Duration horizon : horizons) {
                for (long venue : venues) {
                    List<String> expected = fromDatabase(queries.atVenueWithNext(venue, range[0], range[1], horizon));
                    List<String> actual = new ArrayList<>();
                    index.scanVenue(venue, range[0].getEpochSecond(), range[1].getEpochSecond(), horizon.toSeconds(),
                            (id, p, v, in, out, next) -> actual.add(row(id, p, v, in, out, next)));
                    assertThat(sorted(actual)).as("venue %d %s..%s", venue, range[0], range[1])
                            .containsExactlyElementsOf(expected);
                    rows += expected.size();
                }
                Map<Long, List<String>> expected = new TreeMap<>();
                fromDatabase(queries.ofPersonsWithNext(persons, range[0], range[1], horizon))
                        .forEach(row -> expected.computeIfAbsent(Long.parseLong(row.split(" ")[2]),
                                p -> new ArrayList<>()).add(row));
                for (long person : persons) {
                    List<String> actual = new ArrayList<>();
                    index.scanPerson(person, range[0].getEpochSecond(), range[1].getEpochSecond(),
                            horizon.toSeconds(), (id, p, v, in, out, next) -> actual.add(row(id, p, v, in, out, next)));
                    assertThat(sorted(actual)).as("person %d %s..%s", person, range[0], range[1])
                            .containsExactlyElementsOf(expected.getOrDefault(person, List.of()));
                }
            }
        }
        assertThat(rows).as("the data set is not empty").isPositive();
    }

    static List<String> fromDatabase(List<CheckinWithNext> rows) {
        return sorted(rows.stream().filter(row -> !row.checkin().refused()).map(row -> {
            Checkin c = row.checkin();
            return row(c.id(), c.personId(), c.venueId(), c.checkedInAt().getEpochSecond(),
                    c.checkedOutAt() == null ? PresenceIndex.NO_OUT : c.checkedOutAt().getEpochSecond(),
                    row.nextCheckinAt() == null ? PresenceIndex.NO_NEXT : row.nextCheckinAt().getEpochSecond());
        }).toList());
    }

    /** In, then id: the order within a second is not part of the contract. */
    static String row(long id, long person, long venue, long in, long out, long next) {
        return "%012d %020d %d %d %d %d".formatted(in, id, person, venue, out, next);
    }

    static List<String> sorted(List<String> rows) {
        return rows.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
