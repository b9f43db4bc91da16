package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.jiaxing.checkin.PresenceIndex;
import org.junit.jupiter.api.Test;

/**
 * The log's layout against a plain list, with enough check-ins per venue to fill, copy and split chunks: out of
 * order (imports), same seconds, check-outs set once, purges; written one at a time and built in bulk.
 */
class PresenceLogTests {

    static final long T = 1_772_582_400L;

    record Row(long id, long person, long venue, long in, long[] out) {
    }

    @Test
    void aCheckinWithoutCheckOutHasNone() {
        PresenceLog log = new PresenceLog();
        log.insert(1, 10, 20, T, PresenceIndex.NO_OUT);
        log.insert(2, 11, 20, T + 5, T + 60);
        log.insert(2, 11, 20, T + 5, T + 60); // replayed: once
        log.publish();
        List<String> seen = new ArrayList<>();
        log.scanVenue(20, T, T + 100, 60, (id, p, v, in, out, next) -> seen.add(id + " " + out));
        assertThat(seen).containsExactly("1 " + PresenceIndex.NO_OUT, "2 " + (T + 60));
    }

    @Test
    void answersWhatAListAnswersThroughCopiesSplitsAndPurges() {
        SplittableRandom random = new SplittableRandom(11);
        List<Row> rows = new ArrayList<>();
        PresenceLog log = new PresenceLog();
        long id = 0;
        for (int i = 0; i < 30_000; i++) {
            long venue = 1 + random.nextInt(3);
            long person = 100 + random.nextInt(300);
            // mostly in order; a third of them (imports) back in the venue's first hours, so that its first chunks
            // are copied and split; many in the same second
            long in = random.nextInt(3) == 0 ? T + random.nextLong(0, Math.min(i, 1000) * 20L + 1)
                    : T + i * 20L + random.nextInt(3);
            long out = random.nextBoolean() ? in + random.nextLong(0, 7200) : PresenceIndex.NO_OUT;
            Row row = new Row(++id, person, venue, in, new long[] {out});
            rows.add(row);
            log.insert(row.id, person, venue, in, out);
            if (random.nextInt(10) == 0) {
                Row some = rows.get(random.nextInt(rows.size()));
                long at = some.in + random.nextLong(0, 3600);
                log.checkOut(some.id, some.venue, some.in, at);
                if (some.out[0] == PresenceIndex.NO_OUT) {
                    some.out[0] = at;
                }
            }
            log.publish();
        }
        assertSame(log, rows, random);

        PresenceLog.Builder builder = new PresenceLog.Builder();
        rows.reversed().forEach(row -> builder.add(row.id, row.person, row.venue, row.in, row.out[0]));
        assertSame(builder.build(), rows, random);

        long cutoff = T + 200_000;
        log.purgeBefore(cutoff);
        rows.removeIf(row -> row.in < cutoff);
        assertSame(log, rows, random);
        assertThat(log.size()).isEqualTo(rows.size());
        assertThat(log.bytes() / (double) rows.size()).as("bytes per check-in").isLessThan(64);
    }

    void assertSame(PresenceLog log, List<Row> rows, SplittableRandom random) {
        java.util.Map<Long, long[]> ins = new java.util.HashMap<>();
        rows.stream().collect(java.util.stream.Collectors.groupingBy(Row::person)).forEach((person, own) ->
                ins.put(person, own.stream().mapToLong(Row::in).sorted().toArray()));
        for (int i = 0; i < 100; i++) {
            long from = T + random.nextLong(-1000, 620_000);
            long to = from + random.nextLong(0, 100_000);
            long horizon = random.nextLong(1, 20_000);
            long venue = 1 + random.nextInt(3);
            long person = 100 + random.nextInt(300);
            List<String> atVenue = new ArrayList<>();
            log.scanVenue(venue, from, to, horizon, (id, p, v, in, out, next) -> atVenue.add(line(id, p, v, in, out, next)));
            assertThat(atVenue).as("ordered by check-in").isSortedAccordingTo(Comparator.comparing(s -> s.substring(0, 12)));
            List<String> cursor = new ArrayList<>();
            PresenceIndex.VenueCursor at = log.venue(venue, from, to);
            while (at.advance()) {
                cursor.add(line(at.checkinId(), at.personId(), venue, at.in(), at.out(), at.next(at.in() + horizon)));
            }
            assertThat(cursor).as("the cursor visits the same").isEqualTo(atVenue);
            long endedBy = from + random.nextLong(0, 400_000); // often beyond whole chunks
            long length = random.nextLong(1, 7200);
            List<String> stillThere = new ArrayList<>();
            List<String> skipping = new ArrayList<>();
            PresenceIndex.VenueCursor all = log.venue(venue, from, to);
            while (all.advance()) {
                if ((all.out() != PresenceIndex.NO_OUT && all.out() > all.in() ? all.out() : all.in() + length) > endedBy) {
                    stillThere.add(all.checkinId() + "");
                }
            }
            PresenceIndex.VenueCursor some = log.venue(venue, from, to, endedBy, length);
            while (some.advance()) {
                if ((some.out() != PresenceIndex.NO_OUT && some.out() > some.in() ? some.out() : some.in() + length) > endedBy) {
                    skipping.add(some.checkinId() + "");
                }
            }
            assertThat(skipping).as("skipping ended blocks loses no stay still there").isEqualTo(stillThere);
            assertThat(sorted(atVenue)).isEqualTo(expected(rows, ins, row -> row.venue == venue, from, to, horizon));
            List<String> ofPerson = new ArrayList<>();
            log.scanPerson(person, from, to, horizon, (id, p, v, in, out, next) -> ofPerson.add(line(id, p, v, in, out, next)));
            assertThat(sorted(ofPerson)).isEqualTo(expected(rows, ins, row -> row.person == person, from, to, horizon));
        }
    }

    static List<String> expected(List<Row> rows, java.util.Map<Long, long[]> ins, java.util.function.Predicate<Row> which,
            long from, long to, long horizon) {
        return sorted(rows.stream().filter(which).filter(row -> row.in >= from && row.in < to).map(row -> {
            long next = java.util.Arrays.stream(ins.get(row.person)).filter(in -> in > row.in && in < row.in + horizon)
                    .min().orElse(PresenceIndex.NO_NEXT);
            return line(row.id, row.person, row.venue, row.in, row.out[0], next);
        }).toList());
    }

    static String line(long id, long person, long venue, long in, long out, long next) {
        return "%012d %012d %d %d %d %d".formatted(in, id, person, venue, out, next);
    }

    static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
