package org.jiaxing.tracing.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evidence the engine finds, as rows of primitives, each item filed under its person (a chain through each
 * row's previous item of the same person), until rule 6 writes them, sorted and each once, into {@link ContactColumns} at the
 * end. A case's second degree is ~150,000 items: as records in a {@code HashMap<Long, List<Evidence>>} they were a
 * box, a node, a list and an object each, collected by young GCs while the search still ran. Now no object per
 * item is made at all, the rows are chunks that are added, never copied, and a trace takes tables kept from earlier
 * ones ({@link #take}), so a case's search allocates next to nothing but its result.
 */
final class EvidenceTable {

    /** {@code via} when the item has no close contact it came through (CLOSE, EXPOSED). */
    static final long NO_VIA = ContactColumns.NO_VIA;
    private static final int NONE = -1;
    private static final ContactLevel[] LEVELS = ContactLevel.values();
    /** Persons per block of {@link #contacts}: large enough that handing out blocks costs nothing. */
    private static final int BLOCK = 2048;

    /**
     * Each item is a row of {@value #STRIDE} longs: rule 6 reads a person's items by following the chain, in no
     * order of memory, and a row is one or two cache lines where a column per field was eight.
     */
    private static final int STRIDE = 8;
    private static final int KIND = 0;
    private static final int VENUE = 1;
    private static final int FROM = 2;
    private static final int TO = 3;
    private static final int CASE = 4;
    private static final int VIA = 5;
    private static final int CHECKIN = 6;
    private static final int PREVIOUS = 7;
    /**
     * Rows per chunk. The rows are chunks that are never copied: a cluster's 70 million items grew one array by
     * doubling, and copying (and first touching) its gigabytes was half of the cluster's time. A chunk is 16 MB
     * with its header and {@link #ROWS_FROM}. The garbage-first collector places an object of half a region or more in whole regions
     * of its own, where it is never copied; JDK 25 makes regions of 4 MB for an 8 GB heap and 16 MB for 20 GB, and
     * this size fills 4 or 1 of them exactly. Chunks of 4 or 8 MB were ordinary objects in a 20 GB heap: young
     * collections copied the cluster's gigabytes of rows, pausing it for 1–3.5 s at a time.
     */
    static final int CHUNK_ROWS = (1 << 18) - 1;
    /**
     * Where a chunk's first row begins: a chunk starts a region, so its elements begin 16 bytes (the header) after a
     * cache line's start, and rows from element 6 on are each exactly one cache line instead of straddling two. This
     * padding fills the last 48 bytes of the chunk's 16 MB.
     */
    private static final int ROWS_FROM = 6;
    /** The most items a table holds: an item's position is an int. */
    static final int MAX_ITEMS = Integer.MAX_VALUE - 1;

    /**
     * The most items of a table or a hand's output kept for the next trace (~32 MB of rows): a case's second degree
     * has ~250,000, a cluster's tens of millions, which are not kept.
     */
    static final int MAX_KEPT_ITEMS = 2 * CHUNK_ROWS;
    /** Two hands per trace, for two traces at once. */
    private static final ScratchPool<EvidenceTable> TABLES = new ScratchPool<>(4, EvidenceTable::new,
            EvidenceTable::worthKeeping, EvidenceTable::clear);
    private static final ScratchPool<HandOutput> OUTPUTS = new ScratchPool<>(4, HandOutput::new,
            HandOutput::worthKeeping, HandOutput::clear);

    private final LongIntMap lastOfPerson;
    private long[][] chunks = new long[16][];
    private int chunkCount;
    private int size;

    EvidenceTable() {
        lastOfPerson = new LongIntMap(1024);
    }

    /** An empty table, kept from an earlier trace if one is; {@link #release} it when its trace is done. */
    static EvidenceTable take() {
        return TABLES.take();
    }

    /** Hands the table back for a later trace; it must not be used after. */
    void release() {
        TABLES.give(this);
    }

    private boolean worthKeeping() {
        return chunkCount <= MAX_KEPT_ITEMS / CHUNK_ROWS;
    }

    /** Gives the rows to the collector: the table is empty after, as a new one. */
    private void dropRows() {
        lastOfPerson.clear();
        chunks = new long[16][];
        chunkCount = 0;
        size = 0;
    }

    private void clear() {
        lastOfPerson.clear();
        size = 0;
    }

    void add(long person, ContactLevel kind, long venue, long from, long to, long casePerson, long via, long checkin) {
        if (size == chunkCount * CHUNK_ROWS) {
            addChunk();
        }
        long[] rows = chunks[size / CHUNK_ROWS];
        int row = rowAt(size);
        rows[row + KIND] = kind.ordinal();
        rows[row + VENUE] = venue;
        rows[row + FROM] = from;
        rows[row + TO] = to;
        rows[row + CASE] = casePerson;
        rows[row + VIA] = via;
        rows[row + CHECKIN] = checkin;
        rows[row + PREVIOUS] = lastOfPerson.exchange(person, size, NONE);
        size++;
    }

    /** Where item {@code i}'s row begins in its chunk. */
    private static int rowAt(int i) {
        return ROWS_FROM + (i % CHUNK_ROWS) * STRIDE;
    }

    private int previous(int i) {
        return (int) chunks[i / CHUNK_ROWS][rowAt(i) + PREVIOUS];
    }

    /** s_q per close contact (rule 5): its CLOSE item that comes first in {@link ContactTracer#EVIDENCE_ORDER}. */
    Map<Long, Evidence> firstCloseOverlaps() {
        Map<Long, Evidence> first = new TreeMap<>();
        int close = ContactLevel.CLOSE.ordinal();
        for (long person : lastOfPerson.keys()) {
            Evidence earliest = null;
            for (int i = lastOfPerson.get(person, NONE); i != NONE; i = previous(i)) {
                if (chunks[i / CHUNK_ROWS][rowAt(i) + KIND] == close) {
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
     * all evidence, ordered as {@link ContactTracer#result}, written straight into {@link ContactColumns} (no object
     * per item). The persons are taken in blocks by both hands; blocks are joined in person order, so the result
     * does not depend on which hand made which. A table too large to keep for a later trace is emptied here.
     */
    static ContactColumns contacts(List<EvidenceTable> tables, TwoHands hands) {
        long[] persons = persons(tables);
        int blocks = (persons.length + BLOCK - 1) / BLOCK;
        // block b is contacts [start[b], end[b]) of the builder of the hand that made it
        HandOutput[] madeBy = new HandOutput[blocks];
        int[] start = new int[blocks];
        int[] end = new int[blocks];
        HandOutput[] outputs = {OUTPUTS.take(), OUTPUTS.take()};
        // each hand makes about half: sized so, a cluster's tens of millions of items are not copied by doubling
        long found = tables.stream().mapToLong(table -> table.size).sum();
        for (HandOutput output : outputs) {
            output.contacts.ensureCapacity(persons.length / 2 + persons.length / 8, (int) Math.min(MAX_ITEMS,
                    found / 2 + found / 8));
        }
        try {
            AtomicInteger nextBlock = new AtomicInteger();
            hands.run(hand -> {
                HandOutput output = outputs[hand];
                for (int block; (block = nextBlock.getAndIncrement()) < blocks; ) {
                    start[block] = output.contacts.size();
                    for (int k = block * BLOCK; k < Math.min(persons.length, (block + 1) * BLOCK); k++) {
                        long person = persons[k];
                        output.items.clear();
                        for (EvidenceTable table : tables) {
                            for (int i = table.lastOfPerson.get(person, NONE); i != NONE; i = table.previous(i)) {
                                output.items.add(table, i);
                            }
                        }
                        output.items.appendDistinctInOrder(person, output.contacts);
                    }
                    end[block] = output.contacts.size();
                    madeBy[block] = output; // seen by the caller after both hands are done
                }
            });
            // a cluster's rows and its result do not both fit in memory: rows too large to keep go before it is made
            tables.stream().filter(table -> !table.worthKeeping()).forEach(EvidenceTable::dropRows);
            int contacts = outputs[0].contacts.size() + outputs[1].contacts.size();
            int items = outputs[0].contacts.items() + outputs[1].contacts.items();
            // made to size: a cluster's columns are gigabytes, and growing them by doubling copied them several times
            ContactColumns.Builder joined = new ContactColumns.Builder(contacts, items);
            for (ContactLevel level : LEVELS) {
                for (int block = 0; block < blocks; block++) {
                    // levels in order, persons ascending within each level
                    joined.appendOfLevel(madeBy[block].contacts, start[block], end[block], level);
                }
            }
            return joined.build();
        } finally {
            OUTPUTS.give(outputs[0]);
            OUTPUTS.give(outputs[1]);
        }
    }

    /** What one hand writes in {@link #contacts}: its persons' contacts, and its working copy of a person's items. */
    private static final class HandOutput {

        private final ContactColumns.Builder contacts = new ContactColumns.Builder();
        private final PersonItems items = new PersonItems();

        boolean worthKeeping() {
            return contacts.itemCapacity() <= MAX_KEPT_ITEMS;
        }

        void clear() {
            contacts.clear();
        }
    }

    /**
     * One person's items, copied out of the tables, to be sorted by {@link ContactTracer#EVIDENCE_ORDER} (as the
     * positions of a permutation: the columns stay where they are) and written out each once.
     */
    private static final class PersonItems {

        /** Times in a {@link #keys key} are 30 bits after the person's earliest {@code from}. */
        private static final long KEY_SPAN = 1L << 30;

        private byte[] kinds = new byte[16];
        private long[] venues = new long[16];
        private long[] froms = new long[16];
        private long[] tos = new long[16];
        private long[] cases = new long[16];
        private long[] vias = new long[16];
        private long[] checkins = new long[16];
        private int[] order = new int[16];
        private int[] scratch = new int[16];
        /** Kind, from and to in one long per item, when {@link #keyed}: most comparisons end on it. */
        private long[] keys = new long[16];
        private boolean keyed;
        private int count;

        void clear() {
            count = 0;
        }

        void add(EvidenceTable table, int i) {
            if (count == kinds.length) {
                int capacity = count * 2;
                kinds = Arrays.copyOf(kinds, capacity);
                venues = Arrays.copyOf(venues, capacity);
                froms = Arrays.copyOf(froms, capacity);
                tos = Arrays.copyOf(tos, capacity);
                cases = Arrays.copyOf(cases, capacity);
                vias = Arrays.copyOf(vias, capacity);
                checkins = Arrays.copyOf(checkins, capacity);
                order = new int[capacity];
                scratch = new int[capacity];
                keys = new long[capacity];
            }
            long[] rows = table.chunks[i / CHUNK_ROWS];
            int row = rowAt(i);
            kinds[count] = (byte) rows[row + KIND];
            venues[count] = rows[row + VENUE];
            froms[count] = rows[row + FROM];
            tos[count] = rows[row + TO];
            cases[count] = rows[row + CASE];
            vias[count] = rows[row + VIA];
            checkins[count] = rows[row + CHECKIN];
            count++;
        }

        /** The items sorted and each once, as a contact of the first item's level (the strongest). */
        void appendDistinctInOrder(long person, ContactColumns.Builder builder) {
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            makeKeys();
            sort(0, count);
            int last = -1;
            for (int k = 0; k < count; k++) {
                int i = order[k];
                if (last >= 0 && compare(i, last) == 0) {
                    continue; // the same item, found twice
                }
                builder.evidence(kinds[i], venues[i], froms[i], tos[i], cases[i],
                        vias[i], checkins[i]);
                last = i;
            }
            builder.contact(person, LEVELS[kinds[order[0]]]);
        }

        /** Merge sort of {@code order[from, to)} (stable; insertion sort for short runs). */
        private void sort(int from, int to) {
            if (to - from <= 12) {
                for (int i = from + 1; i < to; i++) {
                    int item = order[i];
                    int j = i - 1;
                    for (; j >= from && compare(order[j], item) > 0; j--) {
                        order[j + 1] = order[j];
                    }
                    order[j + 1] = item;
                }
                return;
            }
            int middle = (from + to) >>> 1;
            sort(from, middle);
            sort(middle, to);
            if (compare(order[middle - 1], order[middle]) <= 0) {
                return;
            }
            System.arraycopy(order, from, scratch, from, to - from);
            for (int i = from, a = from, b = middle; i < to; i++) {
                order[i] = b >= to || (a < middle && compare(scratch[a], scratch[b]) <= 0) ? scratch[a++] : scratch[b++];
            }
        }

        /**
         * Packs kind, from and to of each item into one long ordered as the three are, relative to the person's
         * earliest {@code from}: 2 bits of kind, 30 of from, 30 of to (34 years). Items that do not fit (times further
         * apart, or a {@code to} before that earliest {@code from}, which no rule makes) are compared field by field.
         */
        private void makeKeys() {
            long base = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                base = Math.min(base, froms[i]);
            }
            keyed = true;
            for (int i = 0; i < count; i++) {
                long from = froms[i] - base;
                long to = tos[i] - base;
                if (from < 0 || from >= KEY_SPAN || to < 0 || to >= KEY_SPAN) {
                    keyed = false; // also when the subtraction overflowed
                    return;
                }
                keys[i] = (long) kinds[i] << 60 | from << 30 | to;
            }
        }

        /** {@link ContactTracer#compareEvidence} on the columns: kind, from, to, venue, case, via (none first), check-in. */
        private int compare(int a, int b) {
            int c;
            if (keyed) {
                c = Long.compare(keys[a], keys[b]);
            } else {
                c = Byte.compare(kinds[a], kinds[b]);
                if (c == 0) {
                    c = Long.compare(froms[a], froms[b]);
                }
                if (c == 0) {
                    c = Long.compare(tos[a], tos[b]);
                }
            }
            if (c == 0) {
                c = Long.compare(venues[a], venues[b]);
            }
            if (c == 0) {
                c = Long.compare(cases[a], cases[b]);
            }
            if (c == 0) {
                c = Long.compare(vias[a] == NO_VIA ? -1L : vias[a], vias[b] == NO_VIA ? -1L : vias[b]);
            }
            if (c == 0) {
                c = Long.compare(checkins[a], checkins[b]);
            }
            return c;
        }
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
        long[] rows = chunks[i / CHUNK_ROWS];
        int row = rowAt(i);
        long via = rows[row + VIA];
        return new Evidence(LEVELS[(int) rows[row + KIND]], rows[row + VENUE], rows[row + FROM], rows[row + TO],
                rows[row + CASE], via == NO_VIA ? null : via, rows[row + CHECKIN]);
    }

    /** A chunk for the next {@link #CHUNK_ROWS} items; the chunks are kept when the table is cleared. */
    private void addChunk() {
        if (size >= MAX_ITEMS - CHUNK_ROWS) {
            throw new IllegalStateException("an investigation cannot hold more than " + (MAX_ITEMS - CHUNK_ROWS)
                    + " pieces of evidence per hand; split the cases into smaller investigations");
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = new long[ROWS_FROM + CHUNK_ROWS * STRIDE];
    }
}
