package org.jiaxing.tracing.domain;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A result's contacts as columns of primitives: an unmodifiable {@code List<Contact>} whose elements are made when
 * read. A cluster's second degree has ~700,000 contacts with ~60 million pieces of evidence; as {@link Contact} and
 * {@link Evidence} objects they were ~6 GB that the collector copied while the search ran, and making them was most
 * of the time left. Now the engine writes the columns, {@link ResultCodec} encodes from them and decodes into
 * them, and a page makes objects only for what it reads.
 *
 * <p>Contact {@code i}'s evidence is {@code [evidenceEnd[i - 1], evidenceEnd[i])} (0 for the first contact).
 */
final class ContactColumns extends AbstractList<Contact> implements RandomAccess {

    /** {@code via} of an item that came through no close contact (CLOSE, EXPOSED). */
    static final long NO_VIA = Long.MIN_VALUE;
    private static final ContactLevel[] LEVELS = ContactLevel.values();
    private static final ContactColumns EMPTY = new Builder().build();

    private final long[] persons;
    private final byte[] levels;
    private final int[] evidenceEnd;
    private final int size;
    private final byte[] kinds;
    private final long[] venues;
    private final long[] froms;
    private final long[] tos;
    private final long[] cases;
    private final long[] vias;
    private final long[] checkins;
    private final int items;

    private ContactColumns(Builder b) {
        persons = b.persons;
        levels = b.levels;
        evidenceEnd = b.evidenceEnd;
        size = b.size;
        kinds = b.kinds;
        venues = b.venues;
        froms = b.froms;
        tos = b.tos;
        cases = b.cases;
        vias = b.vias;
        checkins = b.checkins;
        items = b.items;
    }

    /** The contacts in the given order, as columns (the same list if it already is). */
    static ContactColumns of(List<Contact> contacts) {
        if (contacts instanceof ContactColumns columns) {
            return columns;
        }
        if (contacts.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        for (Contact contact : contacts) {
            for (Evidence e : contact.evidence()) {
                builder.evidence(e.kind().ordinal(), e.venueId(), e.from(), e.to(), e.casePersonId(),
                        e.viaPersonId() == null ? NO_VIA : e.viaPersonId(), e.checkinId());
            }
            builder.contact(contact.personId(), contact.level());
        }
        return builder.build();
    }

    @Override
    public Contact get(int index) {
        java.util.Objects.checkIndex(index, size);
        int from = index == 0 ? 0 : evidenceEnd[index - 1];
        Evidence[] evidence = new Evidence[evidenceEnd[index] - from];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = evidence(from + i);
        }
        return new Contact(persons[index], LEVELS[levels[index]], List.of(evidence));
    }

    @Override
    public int size() {
        return size;
    }

    long evidenceCount() {
        return items;
    }

    /**
     * The contacts of one level, in this list's order: a view whose elements are made when read, so that a page
     * of one level does not make the objects of every contact to filter them.
     */
    List<Contact> ofLevel(ContactLevel level) {
        int[] indices = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (levels[i] == level.ordinal()) {
                indices[count++] = i;
            }
        }
        return new OfLevel(indices, count);
    }

    private final class OfLevel extends AbstractList<Contact> implements RandomAccess {

        private final int[] indices;
        private final int count;

        OfLevel(int[] indices, int count) {
            this.indices = indices;
            this.count = count;
        }

        @Override
        public Contact get(int index) {
            java.util.Objects.checkIndex(index, count);
            return ContactColumns.this.get(indices[index]);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** Contacts per level, every level present. */
    Map<ContactLevel, Integer> counts() {
        int[] byLevel = new int[LEVELS.length];
        for (int i = 0; i < size; i++) {
            byLevel[levels[i]]++;
        }
        Map<ContactLevel, Integer> counts = new EnumMap<>(ContactLevel.class);
        for (ContactLevel level : LEVELS) {
            counts.put(level, byLevel[level.ordinal()]);
        }
        return counts;
    }

    /** Hands every contact and its evidence to {@code visitor} without making objects (the encoder's reading). */
    void forEach(Visitor visitor) {
        int item = 0;
        for (int i = 0; i < size; i++) {
            visitor.contact(persons[i], LEVELS[levels[i]], evidenceEnd[i] - item);
            for (; item < evidenceEnd[i]; item++) {
                visitor.evidence(LEVELS[kinds[item]], venues[item], froms[item], tos[item], cases[item],
                        vias[item], checkins[item]);
            }
        }
    }

    /** What {@link #forEach(Visitor)} hands out: a contact, then its {@code evidenceCount} items. */
    interface Visitor {

        void contact(long personId, ContactLevel level, int evidenceCount);

        /** {@code via} is {@link #NO_VIA} when the item came through no close contact. */
        void evidence(ContactLevel kind, long venueId, long from, long to, long casePersonId, long via, long checkinId);
    }

    private Evidence evidence(int i) {
        return new Evidence(LEVELS[kinds[i]], venues[i], froms[i], tos[i], cases[i],
                vias[i] == NO_VIA ? null : vias[i], checkins[i]);
    }

    /**
     * Appends items, then closes them into a contact with {@link #contact}; a contact's level is its first item's
     * kind (items are given strongest first). Not thread-safe: one builder per hand.
     */
    static final class Builder {

        private long[] persons;
        private byte[] levels;
        private int[] evidenceEnd;
        private int size;
        private byte[] kinds;
        private long[] venues;
        private long[] froms;
        private long[] tos;
        private long[] cases;
        private long[] vias;
        private long[] checkins;
        private int items;
        private boolean built;

        Builder() {
            this(16, 16);
        }

        /** With room for so many contacts and items: a builder filled to exactly that copies nothing when built. */
        Builder(int contacts, int items) {
            persons = new long[contacts];
            levels = new byte[contacts];
            evidenceEnd = new int[contacts];
            kinds = new byte[items];
            venues = new long[items];
            froms = new long[items];
            tos = new long[items];
            cases = new long[items];
            vias = new long[items];
            checkins = new long[items];
        }

        void evidence(int kind, long venue, long from, long to, long casePerson, long via, long checkin) {
            if (items == kinds.length) {
                growItems(Math.max(16, items * 2));
            }
            kinds[items] = (byte) kind;
            venues[items] = venue;
            froms[items] = from;
            tos[items] = to;
            cases[items] = casePerson;
            vias[items] = via;
            checkins[items] = checkin;
            items++;
        }

        /** Closes the items appended since the last contact into contact {@code person}. */
        void contact(long person, ContactLevel level) {
            if (size == persons.length) {
                growContacts(Math.max(16, size * 2));
            }
            persons[size] = person;
            levels[size] = (byte) level.ordinal();
            evidenceEnd[size] = items;
            size++;
        }

        int size() {
            return size;
        }

        int items() {
            return items;
        }

        /** Appends {@code other}'s contacts {@code [from, to)} with their evidence, in their order. */
        void appendRange(Builder other, int from, int to) {
            if (items != (size == 0 ? 0 : evidenceEnd[size - 1])) {
                throw new IllegalStateException("items not closed into a contact");
            }
            java.util.Objects.checkFromToIndex(from, to, other.size);
            int count = to - from;
            int firstItem = from == 0 ? 0 : other.evidenceEnd[from - 1];
            int itemCount = (to == 0 ? 0 : other.evidenceEnd[to - 1]) - firstItem;
            if (size + count > persons.length) {
                growContacts(Math.max(size + count, size * 2));
            }
            if (items + itemCount > kinds.length) {
                growItems(Math.max(items + itemCount, items * 2));
            }
            System.arraycopy(other.persons, from, persons, size, count);
            System.arraycopy(other.levels, from, levels, size, count);
            for (int i = 0; i < count; i++) {
                evidenceEnd[size + i] = items + other.evidenceEnd[from + i] - firstItem;
            }
            System.arraycopy(other.kinds, firstItem, kinds, items, itemCount);
            System.arraycopy(other.venues, firstItem, venues, items, itemCount);
            System.arraycopy(other.froms, firstItem, froms, items, itemCount);
            System.arraycopy(other.tos, firstItem, tos, items, itemCount);
            System.arraycopy(other.cases, firstItem, cases, items, itemCount);
            System.arraycopy(other.vias, firstItem, vias, items, itemCount);
            System.arraycopy(other.checkins, firstItem, checkins, items, itemCount);
            size += count;
            items += itemCount;
        }

        /** Appends those of {@code other}'s contacts {@code [from, to)} that are of {@code level}, in their order. */
        void appendOfLevel(Builder other, int from, int to, ContactLevel level) {
            java.util.Objects.checkFromToIndex(from, to, other.size);
            byte wanted = (byte) level.ordinal();
            for (int c = from; c < to; c++) {
                if (other.levels[c] != wanted) {
                    continue;
                }
                int run = c + 1;
                while (run < to && other.levels[run] == wanted) {
                    run++;
                }
                appendRange(other, c, run); // a run at a time: most of a block is one level
                c = run;
            }
        }

        /** Room for at least so many contacts and items in all, so that filling to there copies nothing. */
        void ensureCapacity(int contacts, int items) {
            if (contacts > persons.length) {
                growContacts(contacts);
            }
            if (items > kinds.length) {
                growItems(items);
            }
        }

        /** Empties the builder for reuse, keeping its arrays (a builder that was built cannot be reused). */
        void clear() {
            if (built) {
                throw new IllegalStateException("already built: its arrays belong to the columns");
            }
            size = 0;
            items = 0;
        }

        /** How many items the builder holds without growing. */
        int itemCapacity() {
            return kinds.length;
        }

        /** The columns, trimmed; the builder cannot be used after. */
        ContactColumns build() {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (items != (size == 0 ? 0 : evidenceEnd[size - 1])) {
                throw new IllegalStateException("items not closed into a contact");
            }
            built = true;
            if (persons.length != size) {
                growContacts(size);
            }
            if (kinds.length != items) {
                growItems(items);
            }
            return new ContactColumns(this);
        }

        private void growContacts(int capacity) {
            persons = Arrays.copyOf(persons, capacity);
            levels = Arrays.copyOf(levels, capacity);
            evidenceEnd = Arrays.copyOf(evidenceEnd, capacity);
        }

        private void growItems(int capacity) {
            kinds = Arrays.copyOf(kinds, capacity);
            venues = Arrays.copyOf(venues, capacity);
            froms = Arrays.copyOf(froms, capacity);
            tos = Arrays.copyOf(tos, capacity);
            cases = Arrays.copyOf(cases, capacity);
            vias = Arrays.copyOf(vias, capacity);
            checkins = Arrays.copyOf(checkins, capacity);
        }
    }
}
