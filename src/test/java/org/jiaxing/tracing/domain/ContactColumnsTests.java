package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContactColumnsTests {

    @Test
    void contactsComeBackAsGivenWithTheirEvidence() {
        List<Contact> contacts = randomContacts(new SplittableRandom(1), 300);
        ContactColumns columns = ContactColumns.of(contacts);
        assertThat(columns).hasSize(300).containsExactlyElementsOf(contacts);
        assertThat(columns).isEqualTo(contacts);
        assertThat(contacts).isEqualTo(columns);
        assertThat(columns.hashCode()).isEqualTo(contacts.hashCode());
        assertThat(ContactColumns.of(columns)).isSameAs(columns);
        assertThat(new TraceResult(List.of(), contacts).evidenceCount())
                .isEqualTo(contacts.stream().mapToLong(contact -> contact.evidence().size()).sum());
    }

    @Test
    void countsArePerLevelWithEveryLevelPresent() {
        Evidence close = new Evidence(ContactLevel.CLOSE, 1, 0, 900, 7, null, 1);
        Evidence exposed = new Evidence(ContactLevel.EXPOSED, 1, 0, 60, 7, null, 2);
        ContactColumns columns = ContactColumns.of(List.of(new Contact(1, ContactLevel.CLOSE, List.of(close)),
                new Contact(2, ContactLevel.CLOSE, List.of(close, exposed)),
                new Contact(3, ContactLevel.EXPOSED, List.of(exposed))));
        assertThat(columns.counts()).isEqualTo(Map.of(ContactLevel.CLOSE, 2, ContactLevel.SECONDARY, 0,
                ContactLevel.EXPOSED, 1));
        assertThat(new TraceResult(List.of(), columns).counts()).isEqualTo(columns.counts());
    }

    @Test
    void oneLevelIsTheContactsOfThatLevelInOrder() {
        List<Contact> contacts = randomContacts(new SplittableRandom(5), 500);
        TraceResult result = new TraceResult(List.of(), contacts);
        for (ContactLevel level : ContactLevel.values()) {
            List<Contact> expected = contacts.stream().filter(contact -> contact.level() == level).toList();
            assertThat(result.contacts(level)).as("%s", level).isNotEmpty().containsExactlyElementsOf(expected);
            assertThatThrownBy(() -> result.contacts(level).get(expected.size()))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void appendedBuildersKeepTheirOrderAndEvidenceBoundaries() {
        List<Contact> first = randomContacts(new SplittableRandom(2), 40);
        List<Contact> second = randomContacts(new SplittableRandom(3), 70);
        ContactColumns.Builder joined = new ContactColumns.Builder();
        ContactColumns.Builder firstBlock = builderOf(first);
        ContactColumns.Builder secondBlock = builderOf(second);
        joined.appendRange(firstBlock, 0, firstBlock.size());
        joined.appendRange(new ContactColumns.Builder(), 0, 0); // an empty block joins as nothing
        joined.appendRange(secondBlock, 0, secondBlock.size());
        List<Contact> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertThat(joined.build()).containsExactlyElementsOf(expected);
    }

    @Test
    void rangesOfAClearedAndRefilledBuilderJoinWithTheirOwnEvidence() {
        List<Contact> stale = randomContacts(new SplittableRandom(5), 90);
        List<Contact> contacts = randomContacts(new SplittableRandom(6), 60);
        ContactColumns.Builder reused = builderOf(stale);
        reused.clear(); // a hand's builder kept from an earlier trace
        contacts.forEach(contact -> add(reused, contact));

        ContactColumns.Builder joined = new ContactColumns.Builder();
        joined.appendRange(reused, 20, 45); // blocks joined out of the order they were made in
        joined.appendRange(reused, 0, 20);
        joined.appendRange(reused, 45, 45); // an empty block
        joined.appendRange(reused, 45, 60);

        List<Contact> expected = new ArrayList<>(contacts.subList(20, 45));
        expected.addAll(contacts.subList(0, 20));
        expected.addAll(contacts.subList(45, 60));
        assertThat(joined.build()).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> new ContactColumns.Builder().appendRange(reused, 50, 61))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void oneLevelOfARangeIsAppendedInOrder() {
        List<Contact> contacts = randomContacts(new SplittableRandom(8), 80);
        ContactColumns.Builder made = builderOf(contacts);
        for (ContactLevel level : ContactLevel.values()) {
            ContactColumns.Builder joined = new ContactColumns.Builder();
            joined.appendOfLevel(made, 10, 70, level);
            assertThat(joined.build()).as("%s", level).containsExactlyElementsOf(
                    contacts.subList(10, 70).stream().filter(contact -> contact.level() == level).toList());
        }
    }

    @Test
    void theListCannotBeChangedNorReadOutOfRange() {
        ContactColumns columns = ContactColumns.of(randomContacts(new SplittableRandom(4), 3));
        assertThatThrownBy(() -> columns.add(columns.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> columns.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void itemsNotClosedIntoAContactAreAnError() {
        ContactColumns.Builder builder = new ContactColumns.Builder();
        builder.evidence(0, 1, 2, 3, 4, ContactColumns.NO_VIA, 5);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    private static ContactColumns.Builder builderOf(List<Contact> contacts) {
        ContactColumns.Builder builder = new ContactColumns.Builder();
        contacts.forEach(contact -> add(builder, contact));
        return builder;
    }

    private static void add(ContactColumns.Builder builder, Contact contact) {
        for (Evidence e : contact.evidence()) {
            builder.evidence(e.kind().ordinal(), e.venueId(), e.from(), e.to(), e.casePersonId(),
                    e.viaPersonId() == null ? ContactColumns.NO_VIA : e.viaPersonId(), e.checkinId());
        }
        builder.contact(contact.personId(), contact.level());
    }

    static List<Contact> randomContacts(SplittableRandom random, int count) {
        List<Contact> contacts = new ArrayList<>();
        ContactLevel[] levels = ContactLevel.values();
        for (int i = 0; i < count; i++) {
            List<Evidence> evidence = new ArrayList<>();
            for (int e = random.nextInt(0, 5); e >= 0; e--) {
                ContactLevel kind = levels[random.nextInt(levels.length)];
                evidence.add(new Evidence(kind, random.nextLong(1, 5000), random.nextLong(), random.nextLong(),
                        random.nextLong(1, 700_000), kind == ContactLevel.SECONDARY ? random.nextLong(1, 700_000) : null,
                        random.nextLong(1, 50_000_000)));
            }
            contacts.add(new Contact(random.nextLong(1, 700_000), evidence.getFirst().kind(), evidence));
        }
        return contacts;
    }
}
