package org.jiaxing.tracing.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evidence the engine finds, as rows of primitives, each item filed under its person (the person's ordinal in
 * the table, and a count per person), until rule 6 writes them, sorted and each once, into {@link ContactColumns}
 * at the end. A case's second degree is ~150,000 items: as records in a {@code HashMap<Long, List<Evidence>>} they were a
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
     * Each item is a row of {@value #STRIDE} longs: rule 6 reads a person's items in no order of memory, and a row
     * is one cache line where a column per field was eight.
     */
    private static final int STRIDE = 8;
    private static final int KIND = 0;
    private static final int VENUE = 1;
    private static final int FROM = 2;
    private static final int TO = 3;
    private static final int CASE = 4;
    private static final int VIA = 5;
    private static final int CHECKIN = 6;
    /** The person's ordinal: the how-manieth person of the table they are. */
    private static final int ORDINAL = 7;
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
     * Where a chunk's first row begins: the garbage-first collector starts an object this large at a region's start,
     * so its elements begin 16 bytes (the header, with compressed class pointers, the default) after a cache line's
     * start, and rows from element 6 on are each exactly one cache line instead of straddling two. This padding fills
     * the last 48 bytes of the chunk's 16 MB (a larger header, or another collector, costs alignment and, with
     * {@code -XX:-UseCompressedClassPointers}, a second region per chunk: slower, never wrong).
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

    /** Person id to ordinal; its keys, in first-put order, are the persons by ordinal. */
    private LongIntMap ordinals = new LongIntMap(1024);
    /** Items per person, by ordinal. */
    private int[] counts = new int[1024];
    /** Rule 6, per ordinal: where in {@link #byPerson} (of the first table) this table's next item of the person goes. */
    private int[] nextOfOrdinal = new int[0];
    /**
     * Rule 6's index of the items of all the trace's tables by person, kept in the trace's first table: the person
     * of rank r has the items {@code byPerson[firsts[r], firsts[r + 1])}, each the item's number across the tables
     * (the first table's items, then the second's). {@code ranks} is person id to rank.
     */
    private LongIntMap ranks = new LongIntMap(1024);
    private int[] firsts = new int[0];
    private int[] placed = new int[0];
    private int[] byPerson = new int[0];
    private long[][] chunks = new long[16][];
    private int chunkCount;
    private int size;

    /** An empty table, kept from an earlier trace if one is; {@link #release} it when its trace is done. */
    static EvidenceTable take() {
        return TABLES.take();
    }

    /** Hands the table back for a later trace; it must not be used after. */
    void release() {
        TABLES.give(this);
    }

    private boolean worthKeeping() {
        return chunkCount <= MAX_KEPT_ITEMS / CHUNK_ROWS && byPerson.length <= 2 * MAX_KEPT_ITEMS;
    }

    /** Gives the rows to the collector: the table is empty after, as a new one. */
    private void dropRows() {
        ordinals = new LongIntMap(1024);
        counts = new int[1024];
        chunks = new long[16][];
        ranks = new LongIntMap(1024);
        nextOfOrdinal = new int[0];
        firsts = new int[0];
        placed = new int[0];
        byPerson = new int[0];
        chunkCount = 0;
        size = 0;
    }

    private void clear() {
        Arrays.fill(counts, 0, ordinals.size(), 0);
        ordinals.clear();
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
        int ordinal = ordinals.putIfAbsent(person, ordinals.size());
        if (ordinal == counts.length) {
            counts = Arrays.copyOf(counts, ordinal * 2);
        }
        counts[ordinal]++;
        rows[row + ORDINAL] = ordinal;
        size++;
    }

    /** Where item {@code i}'s row begins in its chunk. */
    private static int rowAt(int i) {
        return ROWS_FROM + (i % CHUNK_ROWS) * STRIDE;
    }

    /** s_q per close contact (rule 5): its CLOSE item that comes first in {@link ContactTracer#EVIDENCE_ORDER}. */
    Map<Long, Evidence> firstCloseOverlaps() {
        Map<Long, Evidence> first = new TreeMap<>();
        long[] persons = ordinals.keys();
        int close = ContactLevel.CLOSE.ordinal();
        for (int i = 0; i < size; i++) {
            long[] rows = chunks[i / CHUNK_ROWS];
            int row = rowAt(i);
            if (rows[row + KIND] == close) {
                Evidence item = evidence(i);
                first.merge(persons[(int) rows[row + ORDINAL]], item,
                        (earlier, later) -> ContactTracer.compareEvidence(later, earlier) < 0 ? later : earlier);
            }
        }
        return first;
    }

    /**
     * Lists the items of all the tables by person, persons in {@code persons} order ({@link #byPerson}, kept in this,
     * the first table): a counting sort. Rule 6 used to follow a chain through each person's rows, each load waiting
     * for the one before, and that walk was a third of a second-degree trace; now a hand copies a block's items out
     * of the rows in one loop whose loads do not wait for each other. Each table's items of a person go to a place
     * of their own within the person's, so the hands place the tables' items at the same time, one pass along each.
     */
    private void indexByPerson(List<EvidenceTable> tables, long[] persons, int items, TwoHands hands) {
        ranks.clear();
        for (int rank = 0; rank < persons.length; rank++) {
            ranks.put(persons[rank], rank);
        }
        if (firsts.length < persons.length + 1) {
            firsts = new int[persons.length + 1];
            placed = new int[persons.length];
        }
        Arrays.fill(firsts, 0, persons.length + 1, 0);
        for (EvidenceTable table : tables) {
            int known = table.ordinals.size();
            if (table.nextOfOrdinal.length < known) {
                table.nextOfOrdinal = new int[known];
            }
            long[] byOrdinal = table.ordinals.keys();
            for (int ordinal = 0; ordinal < known; ordinal++) {
                int rank = ranks.get(byOrdinal[ordinal], NONE);
                table.nextOfOrdinal[ordinal] = rank; // the rank for now; the place once the persons' places are known
                firsts[rank + 1] += table.counts[ordinal];
            }
        }
        for (int rank = 0; rank < persons.length; rank++) {
            firsts[rank + 1] += firsts[rank];
            placed[rank] = firsts[rank];
        }
        for (EvidenceTable table : tables) {
            for (int ordinal = 0; ordinal < table.ordinals.size(); ordinal++) {
                int rank = table.nextOfOrdinal[ordinal];
                table.nextOfOrdinal[ordinal] = placed[rank];
                placed[rank] += table.counts[ordinal];
            }
        }
        if (byPerson.length < items) {
            byPerson = new int[items];
        }
        int[] list = byPerson;
        int[] firstNumber = new int[tables.size()]; // the first table's items are numbered first, then the second's
        for (int t = 1; t < tables.size(); t++) {
            firstNumber[t] = firstNumber[t - 1] + tables.get(t - 1).size;
        }
        AtomicInteger nextTable = new AtomicInteger(); // a hand that does not start leaves its tables to the other
        hands.run(hand -> {
            for (int t; (t = nextTable.getAndIncrement()) < tables.size(); ) {
                EvidenceTable table = tables.get(t);
                int number = firstNumber[t];
                int[] next = table.nextOfOrdinal;
                for (int i = 0; i < table.size; i++, number++) {
                    list[next[(int) table.chunks[i / CHUNK_ROWS][rowAt(i) + ORDINAL]]++] = number;
                }
            }
        });
    }

    /**
     * Rule 6 over the items of the tables (the hands of one search): each person once, at the highest level, with
     * all evidence, ordered as {@link ContactTracer#result}, written straight into {@link ContactColumns} (no object
     * per item). The persons are taken in blocks by both hands; blocks are joined in person order, so the result
     * does not depend on which hand made which. A table too large to keep for a later trace is emptied here.
     */
    static ContactColumns contacts(List<EvidenceTable> tables, TwoHands hands) {
        long found = tables.stream().mapToLong(table -> table.size).sum();
        if (found > MAX_ITEMS) {
            throw new IllegalStateException("an investigation cannot hold more than " + MAX_ITEMS
                    + " pieces of evidence; split the cases into smaller investigations");
        }
        long[] persons = persons(tables);
        int blocks = (persons.length + BLOCK - 1) / BLOCK;
        // block b is contacts [start[b], end[b]) of the builder of the hand that made it
        HandOutput[] madeBy = new HandOutput[blocks];
        int[] start = new int[blocks];
        int[] end = new int[blocks];
        HandOutput[] outputs = {OUTPUTS.take(), OUTPUTS.take()};
        // each hand makes about half: sized so, a cluster's tens of millions of items are not copied by doubling
        for (HandOutput output : outputs) {
            output.contacts.ensureCapacity(persons.length / 2 + persons.length / 8, (int) (found / 2 + found / 8));
        }
        try {
            EvidenceTable lead = tables.get(0);
            lead.indexByPerson(tables, persons, (int) found, hands);
            AtomicInteger nextBlock = new AtomicInteger();
            hands.run(hand -> {
                HandOutput output = outputs[hand];
                for (int block; (block = nextBlock.getAndIncrement()) < blocks; ) {
                    start[block] = output.contacts.size();
                    int first = block * BLOCK;
                    int last = Math.min(persons.length, first + BLOCK);
                    int offset = lead.firsts[first];
                    output.items.copy(tables, lead.byPerson, offset, lead.firsts[last]);
                    for (int rank = first; rank < last; rank++) {
                        output.items.appendDistinctInOrder(persons[rank], lead.firsts[rank] - offset,
                                lead.firsts[rank + 1] - offset, output.contacts);
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

    /** What one hand writes in {@link #contacts}: its persons' contacts, and its working copy of a block's items. */
    private static final class HandOutput {

        private final ContactColumns.Builder contacts = new ContactColumns.Builder();
        private final BlockItems items = new BlockItems();

        boolean worthKeeping() {
            return contacts.itemCapacity() <= MAX_KEPT_ITEMS && items.capacity() <= MAX_KEPT_ITEMS;
        }

        void clear() {
            contacts.clear();
        }
    }

    /**
     * A block of persons' items, copied out of the tables in person order in one loop, each person's to be sorted by
     * {@link ContactTracer#EVIDENCE_ORDER} (as the positions of a permutation: the columns stay where they are) and
     * written out each once.
     */
    private static final class BlockItems {

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

        int capacity() {
            return kinds.length;
        }

        /** Copies the items {@code byPerson[from, to)} (numbers across {@code tables}) into positions 0 on. */
        void copy(List<EvidenceTable> tables, int[] byPerson, int from, int to) {
            int count = to - from;
            if (count > kinds.length) {
                int capacity = Math.max(count, kinds.length * 2);
                kinds = new byte[capacity];
                venues = new long[capacity];
                froms = new long[capacity];
                tos = new long[capacity];
                cases = new long[capacity];
                vias = new long[capacity];
                checkins = new long[capacity];
                order = new int[capacity];
                scratch = new int[capacity];
                keys = new long[capacity];
            }
            EvidenceTable first = tables.get(0);
            for (int k = 0; k < count; k++) {
                // the loads of successive items do not depend on each other: the processor has many under way at once
                int number = byPerson[from + k];
                EvidenceTable table = first;
                for (int t = 1; number >= table.size; t++) {
                    number -= table.size;
                    table = tables.get(t);
                }
                long[] rows = table.chunks[number / CHUNK_ROWS];
                int row = rowAt(number);
                kinds[k] = (byte) rows[row + KIND];
                venues[k] = rows[row + VENUE];
                froms[k] = rows[row + FROM];
                tos[k] = rows[row + TO];
                cases[k] = rows[row + CASE];
                vias[k] = rows[row + VIA];
                checkins[k] = rows[row + CHECKIN];
            }
        }

        /** The items at [from, to) sorted and each once, as a contact of the first item's level (the strongest). */
        void appendDistinctInOrder(long person, int from, int to, ContactColumns.Builder builder) {
            for (int i = from; i < to; i++) {
                order[i] = i;
            }
            makeKeys(from, to);
            sort(from, to);
            int last = -1;
            for (int k = from; k < to; k++) {
                int i = order[k];
                if (last >= 0 && compare(i, last) == 0) {
                    continue; // the same item, found twice
                }
                builder.evidence(kinds[i], venues[i], froms[i], tos[i], cases[i],
                        vias[i], checkins[i]);
                last = i;
            }
            builder.contact(person, LEVELS[kinds[order[from]]]);
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
        private void makeKeys(int first, int end) {
            long base = Long.MAX_VALUE;
            for (int i = first; i < end; i++) {
                base = Math.min(base, froms[i]);
            }
            keyed = true;
            for (int i = first; i < end; i++) {
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
        long[] all = tables.stream().map(table -> table.ordinals.keys()).flatMapToLong(Arrays::stream).toArray();
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
