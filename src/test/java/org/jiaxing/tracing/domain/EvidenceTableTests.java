package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 6 on the engine's columns ({@link EvidenceTable#contacts}) against rule 6 on objects
 * ({@link ContactTracer#result}, the database path): the same contacts, levels and evidence in the same order.
 */
class EvidenceTableTests {

    /** The second hand's thread. */
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void rule6OnColumnsEqualsRule6OnObjects() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 100; round++) {
            // few values per field, so that ties on every field but the last and exact duplicates occur
            int persons = random.nextInt(1, round % 10 == 0 ? 6000 : 60);
            assertRule6Equal(random, persons, random.nextInt(1, 3000), 600, "round " + round);
        }
    }

    @Test
    void rule6IsTheSameAcrossChunksOfRows() {
        // more items than a chunk in each table, so that a person's items lie in two chunks and rows at both ends of
        // a chunk are read
        assertRule6Equal(new SplittableRandom(23), 9000, 3 * EvidenceTable.CHUNK_ROWS, 600, "chunks");
    }

    @Test
    void rule6IsTheSameForPersonIdsOutsideTheDirectlyHeldRange() {
        // ids a sequence does not make: negative, beyond LongIntMap.DENSE_LIMIT, the extremes (hashed, not indexed)
        long[] odd = {-5, -1, 0, LongIntMap.DENSE_LIMIT - 1, LongIntMap.DENSE_LIMIT, 1L << 40, Long.MIN_VALUE,
            Long.MAX_VALUE};
        SplittableRandom random = new SplittableRandom(31);
        for (int round = 0; round < 20; round++) {
            assertRule6Equal(random, 40, random.nextInt(1, 3000), 600,
                    index -> index <= odd.length ? odd[(int) index - 1] : index * 7919, "odd ids, round " + round);
        }
    }

    @Test
    void rule6IsTheSameForTimesTooFarApartForOneSortKey() {
        // a person's times decades apart: compared field by field instead of by the packed key
        SplittableRandom random = new SplittableRandom(29);
        for (long scale : new long[] {(1L << 30) / 3, (1L << 30) / 2, 1L << 40, Long.MAX_VALUE / 8}) {
            assertRule6Equal(random, 40, 2000, scale, "times " + scale + " apart");
        }
    }

    private void assertRule6Equal(SplittableRandom random, int persons, int items, long timeScale,
            String description) {
        assertRule6Equal(random, persons, items, timeScale, index -> index, description);
    }

    /** {@code personId} makes the id of the persons 1..persons. */
    private void assertRule6Equal(SplittableRandom random, int persons, int items, long timeScale,
            LongUnaryOperator personId, String description) {
        // taken and released every time: each fills the tables and hand outputs the last one left
        List<EvidenceTable> tables = List.of(EvidenceTable.take(), EvidenceTable.take());
        Map<Long, List<Evidence>> byPerson = new HashMap<>();
        ContactLevel[] levels = ContactLevel.values();
        for (int i = 0; i < items; i++) {
            long person = personId.applyAsLong(random.nextLong(1, persons + 1));
            ContactLevel kind = levels[random.nextInt(levels.length)];
            long from = random.nextLong(0, 4) * timeScale;
            Evidence item = new Evidence(kind, random.nextLong(1, 3), from, from + random.nextLong(1, 3) * (timeScale / 2),
                    random.nextLong(1, 3), kind == ContactLevel.SECONDARY ? random.nextLong(0, 3) : null,
                    random.nextLong(1, 4));
            int copies = random.nextInt(10) == 0 ? 2 : 1; // the same item found twice
            for (int c = 0; c < copies; c++) {
                tables.get(random.nextInt(2)).add(person, item.kind(), item.venueId(), item.from(), item.to(),
                        item.casePersonId(), item.viaPersonId() == null ? EvidenceTable.NO_VIA : item.viaPersonId(),
                        item.checkinId());
                byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(item);
            }
        }
        List<Contact> expected = ContactTracer.result(List.of(), byPerson).contacts();
        ContactColumns actual = EvidenceTable.contacts(tables, new TwoHands(pool));
        assertThat(actual).as(description).containsExactlyElementsOf(expected);
        tables.forEach(EvidenceTable::release);
    }
}
