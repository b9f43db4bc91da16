package org.jiaxing.tracing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evidence the engine finds, as columns of primitives, each item filed under its person (a chain through
 * {@code previousOfPerson}), until rule 6 turns it into {@link Contact}s at the end. A case's second degree is
 * ~150,000 items: as records in a {@code HashMap<Long, List<Evidence>>} they were a box, a node, a list and an
 * object each, collected by young GCs while the search still ran. Now the search allocates only when a column
 * grows, and the result's objects are made once, at the end.
 */
final class EvidenceTable {

    /** {@code via} when the item has no close contact it came through (CLOSE, EXPOSED). */
    static final long NO_VIA = Long.MIN_VALUE;
    private static final int NONE = -1;
    private static final ContactLevel[] LEVELS = ContactLevel.values();
    /** Persons per block of {@link #contacts}: large enough that handing out blocks costs nothing. */
    private static final int BLOCK = 2048;

    private final LongIntMap lastOfPerson;
    private byte[] kinds;
    private long[] venues;
    private long[] froms;
    private long[] tos;
    private long[] cases;
    private long[] vias;
    private long[] checkins;
    private int[] previousOfPerson;
    private int size;

    EvidenceTable() {
        lastOfPerson = new LongIntMap(1024);
        allocate(1024);
    }

    void add(long person, ContactLevel kind, long venue, long from, long to, long casePerson, long via, long checkin) {
        if (size == kinds.length) {
            allocate(size * 2);
        }
        kinds[size] = (byte) kind.ordinal();
        venues[size] = venue;
        froms[size] = from;
        tos[size] = to;
        cases[size] = casePerson;
        vias[size] = via;
        checkins[size] = checkin;
        previousOfPerson[size] = lastOfPerson.get(person, NONE);
        lastOfPerson.put(person, size);
        size++;
    }

    /** s_q per close contact (rule 5): its CLOSE item that comes first in {@link ContactTracer#EVIDENCE_ORDER}. */
    Map<Long, Evidence> firstCloseOverlaps() {
        Map<Long, Evidence> first = new TreeMap<>();
        int close = ContactLevel.CLOSE.ordinal();
        for (long person : lastOfPerson.keys()) {
            Evidence earliest = null;
            for (int i = lastOfPerson.get(person, NONE); i != NONE; i = previousOfPerson[i]) {
                if (kinds[i] == close) {
                    Evidence item = evidence(i);
                    if (earliest == null || ContactTracer.compareEvidence(item, earliest) < 0) {
                        earliest = item;
                    }
                }
            }
            if (earliest != null) {
                first.put(person, earliest);
            }
        }
        return first;
    }

    /**
     * Rule 6 over the items of the tables (the hands of one search): each person once, at the highest level, with
     * all evidence, ordered as {@link ContactTracer#result}. The persons are made into contacts in blocks, by both
     * hands; blocks are joined in person order, so the result does not depend on which hand made which.
     */
    static List<Contact> contacts(List<EvidenceTable> tables, TwoHands hands) {
        long[] persons = persons(tables);
        int blocks = (persons.length + BLOCK - 1) / BLOCK;
        List<List<List<Contact>>> byBlock = new ArrayList<>(java.util.Collections.nCopies(blocks, null));
        AtomicInteger nextBlock = new AtomicInteger();
        hands.run(hand -> {
            Evidence[] buffer = new Evidence[16];
            for (int block; (block = nextBlock.getAndIncrement()) < blocks; ) {
                List<List<Contact>> byLevel = new ArrayList<>(LEVELS.length);
                for (int level = 0; level < LEVELS.length; level++) {
                    byLevel.add(new ArrayList<>());
                }
                for (int k = block * BLOCK; k < Math.min(persons.length, (block + 1) * BLOCK); k++) {
                    long person = persons[k];
                    int count = 0;
                    for (EvidenceTable table : tables) {
                        for (int i = table.lastOfPerson.get(person, NONE); i != NONE; i = table.previousOfPerson[i]) {
                            if (count == buffer.length) {
                                buffer = Arrays.copyOf(buffer, count * 2);
                            }
                            buffer[count++] = table.evidence(i);
                        }
                    }
                    List<Evidence> items = ContactTracer.distinctInOrder(buffer, count);
                    ContactLevel level = items.getFirst().kind();
                    byLevel.get(level.ordinal()).add(new Contact(person, level, items));
                }
                byBlock.set(block, byLevel); // seen by the caller after both hands are done
            }
        });
        List<Contact> contacts = new ArrayList<>(persons.length);
        for (int level = 0; level < LEVELS.length; level++) {
            for (List<List<Contact>> block : byBlock) {
                contacts.addAll(block.get(level)); // persons ascending within each level, levels in order
            }
        }
        return contacts;
    }

    /** Every person with an item in any of the tables, ascending, once. */
    private static long[] persons(List<EvidenceTable> tables) {
        long[] all = tables.stream().map(table -> table.lastOfPerson.keys()).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        int kept = 0;
        for (int i = 0; i < all.length; i++) {
            if (kept == 0 || all[i] != all[kept - 1]) {
                all[kept++] = all[i];
            }
        }
        return Arrays.copyOf(all, kept);
    }

    private Evidence evidence(int i) {
        return new Evidence(LEVELS[kinds[i]], venues[i], froms[i], tos[i], cases[i],
                vias[i] == NO_VIA ? null : vias[i], checkins[i]);
    }

    private void allocate(int capacity) {
        kinds = kinds == null ? new byte[capacity] : Arrays.copyOf(kinds, capacity);
        venues = venues == null ? new long[capacity] : Arrays.copyOf(venues, capacity);
        froms = froms == null ? new long[capacity] : Arrays.copyOf(froms, capacity);
        tos = tos == null ? new long[capacity] : Arrays.copyOf(tos, capacity);
        cases = cases == null ? new long[capacity] : Arrays.copyOf(cases, capacity);
        vias = vias == null ? new long[capacity] : Arrays.copyOf(vias, capacity);
        checkins = checkins == null ? new long[capacity] : Arrays.copyOf(checkins, capacity);
        previousOfPerson = previousOfPerson == null ? new int[capacity] : Arrays.copyOf(previousOfPerson, capacity);
    }
}
