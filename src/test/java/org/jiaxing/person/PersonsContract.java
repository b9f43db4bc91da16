package org.jiaxing.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiaxing.person.TestPersons.idNumber;
import static org.jiaxing.person.TestPersons.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.person.InvalidPersonDetails.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Registering, recognising, finding and revealing persons, on both databases. */
@RecordApplicationEvents
abstract class PersonsContract {

    @Autowired Persons persons;
    @Autowired Companions companions;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void registersAPersonAndReturnsItMasked() {
        String id = idNumber();

        Person person = persons.registerOrUpdate(PersonDetails.of("欧阳娜娜", "138 1234 1234", id));

        assertThat(person.maskedName()).isEqualTo("欧**娜");
        assertThat(person.maskedPhone()).isEqualTo("138****1234");
        assertThat(person.maskedIdNumber()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(persons.find(person.id())).contains(person);
        assertThat(events.stream(PersonRegistered.class)).containsExactly(new PersonRegistered(person.id()));
    }

    @Test
    void theIdNumberIsTheIdentity() {
        String id = idNumber();
        long before = total();
        Person first = persons.registerOrUpdate(PersonDetails.of("张三", phone(), id));

        Person again = persons.registerOrUpdate(PersonDetails.of("张三", phone(), id.toLowerCase()));
        Person withoutName = persons.registerOrUpdate(PersonDetails.byIdNumber(id));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(withoutName.id()).isEqualTo(first.id());
        assertThat(withoutName.maskedName()).isEqualTo("张*");
        assertThat(total()).isEqualTo(before + 1);
        assertThat(events.stream(PersonRegistered.class)).hasSize(1);
    }

    @Test
    void aKnownPersonGetsTheNewPhoneAndTheNewNameButKeepsThemWhenNoneIsGiven() {
        String id = idNumber();
        String oldPhone = phone();
        String newPhone = phone();
        Person person = persons.registerOrUpdate(PersonDetails.of("张三", oldPhone, id));

        persons.registerOrUpdate(PersonDetails.of("张三丰", newPhone, id));
        PersonDetails afterChange = persons.reveal(person.id(), "tracer", "test");
        persons.registerOrUpdate(PersonDetails.of(" ", null, id));

        assertThat(afterChange).isEqualTo(PersonDetails.of("张三丰", newPhone, id));
        assertThat(persons.reveal(person.id(), "tracer", "test")).isEqualTo(afterChange);
        assertThat(persons.findByPhone(newPhone)).map(Person::id).contains(person.id());
        assertThat(persons.findByPhone(oldPhone)).isEmpty();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceAndNothingIsStored() {
        String badId = idNumber().substring(0, 17) + "Y";

        assertThatThrownBy(() -> persons.registerOrUpdate(PersonDetails.of("张三1", "12345", badId)))
                .isInstanceOfSatisfying(InvalidPersonDetails.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("name", "person.error.name.characters"),
                                org.assertj.core.groups.Tuple.tuple("phone", "person.error.phone.invalid"),
                                org.assertj.core.groups.Tuple.tuple("idNumber", "person.error.idNumber.format")));
        assertThat(events.stream(PersonRegistered.class)).isEmpty();
    }

    @Test
    void aNewPersonNeedsANameButNotAPhone() {
        String id = idNumber();
        long before = total();

        assertThatThrownBy(() -> persons.registerOrUpdate(PersonDetails.byIdNumber(id)))
                .isInstanceOfSatisfying(InvalidPersonDetails.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("name"));
        assertThat(total()).isEqualTo(before);

        Person child = persons.registerOrUpdate(PersonDetails.of("张小宝", "", id));
        assertThat(child.maskedPhone()).isNull();
        assertThat(persons.reveal(child.id(), "tracer", "test").phone()).isNull();
    }

    @Test
    void findsByIdNumberAsTypedAndByPhoneWithOrWithoutCountryCode() {
        String id = idNumber();
        String phone = phone();
        Person person = persons.registerOrUpdate(PersonDetails.of("李四", phone, id));

        assertThat(persons.findByIdNumber(" " + id.substring(0, 6) + " " + id.substring(6))).contains(person);
        assertThat(persons.findByPhone("+86 " + phone)).contains(person);
        assertThat(persons.findByIdNumber(idNumber())).isEmpty();
        assertThat(persons.findByIdNumber("not an id")).isEmpty();
        assertThat(persons.findByPhone("12345")).isEmpty();
        assertThat(persons.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aSharedPhoneFindsWhoeverGaveItLast() {
        String familyPhone = phone();
        Person mother = persons.registerOrUpdate(PersonDetails.of("王芳", familyPhone, idNumber()));
        Person grandfather = persons.registerOrUpdate(PersonDetails.of("王建国", familyPhone, idNumber()));

        assertThat(persons.findByPhone(familyPhone)).map(Person::id).contains(grandfather.id());

        Person father = persons.registerOrUpdate(PersonDetails.of("李强", phone(), idNumber()));
        persons.registerOrUpdate(PersonDetails.of("李强", familyPhone, persons.reveal(father.id(), "t", "t").idNumber()));
        assertThat(persons.findByPhone(familyPhone)).map(Person::id).contains(father.id());
        assertThat(mother.id()).isNotIn(grandfather.id(), father.id());
    }

    @Test
    void findsManyAtOnce() {
        Person a = persons.registerOrUpdate(TestPersons.details("甲乙"));
        Person b = persons.registerOrUpdate(TestPersons.details("丙丁"));

        Map<Long, Person> found = persons.find(List.of(a.id(), b.id(), Long.MAX_VALUE));

        assertThat(found).containsOnlyKeys(a.id(), b.id()).containsEntry(a.id(), a).containsEntry(b.id(), b);
        assertThat(persons.find(List.of())).isEmpty();
    }

    @Test
    void theDatabaseHoldsNoClearNamePhoneOrIdNumber() {
        String name = "诸葛孔明";
        String phone = phone();
        String id = idNumber();
        Person person = persons.registerOrUpdate(PersonDetails.of(name, phone, id));

        Map<String, Object> row = jdbc.sql("SELECT * FROM person WHERE id = :id").param("id", person.id())
                .query().singleRow();

        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(name, "孔明", phone, phone.substring(3), id, id.substring(6, 14)));
        assertThat(row.get("name_enc").toString()).matches("[A-Za-z0-9+/=]+");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE name_enc LIKE :n OR phone_enc LIKE :p OR "
                        + "id_number_enc LIKE :i OR id_number_index LIKE :i OR phone_index LIKE :p")
                .param("n", "%" + name + "%").param("p", "%" + phone + "%").param("i", "%" + id + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void renameCorrectsTheName() {
        Person person = persons.registerOrUpdate(TestPersons.details("张三"));

        Person renamed = persons.rename(person.id(), " 张 三丰 ");

        assertThat(renamed.maskedName()).isEqualTo("张**丰");
        assertThat(persons.find(person.id())).contains(renamed);
        assertThatThrownBy(() -> persons.rename(person.id(), "")).isInstanceOf(InvalidPersonDetails.class);
        assertThatThrownBy(() -> persons.rename(Long.MAX_VALUE, "李四")).isInstanceOf(PersonNotFound.class);
    }

    @Test
    void revealReturnsTheClearDetailsAndIsAudited() {
        PersonDetails details = TestPersons.details("赵六");
        Person person = persons.registerOrUpdate(details);

        PersonDetails revealed = persons.reveal(person.id(), "tracer-li", "密接排查 案例 7");

        assertThat(revealed).isEqualTo(details);
        List<AuditRecord> trail = audit.forSubject("person", Long.toString(person.id()));
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("PERSON_REVEAL");
            assertThat(entry.actor()).isEqualTo("tracer-li");
            assertThat(entry.reason()).isEqualTo("密接排查 案例 7");
            assertThat(entry.detail()).doesNotContain(details.phone(), details.idNumber(), "赵六");
        });
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    @Test
    void noRevealWithoutAReason() {
        Person person = persons.registerOrUpdate(TestPersons.details("钱七"));

        assertThatThrownBy(() -> persons.reveal(person.id(), "tracer", "  "))
                .isInstanceOfSatisfying(InvalidPersonDetails.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("reason"));
        assertThatThrownBy(() -> persons.reveal(Long.MAX_VALUE, "tracer", "case")).isInstanceOf(PersonNotFound.class);
        assertThat(audit.forSubject("person", Long.toString(person.id()))).isEmpty();
    }

    @Test
    void concurrentFirstScansOfOnePersonRegisterThemOnce() throws Exception {
        String id = idNumber();
        long before = total();
        List<Callable<Person>> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scans.add(() -> persons.registerOrUpdate(PersonDetails.of("孙八", phone(), id)));
        }
        List<Long> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Person> result : pool.invokeAll(scans)) {
                ids.add(result.get().id());
            }
        }

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void companionsAreSavedOnceListedInOrderAndRemoved() {
        Person owner = persons.registerOrUpdate(TestPersons.details("周父"));
        Person child = persons.registerOrUpdate(PersonDetails.of("周小", null, idNumber()));
        Person grandmother = persons.registerOrUpdate(PersonDetails.of("吴奶奶", null, idNumber()));

        companions.save(owner.id(), child.id());
        companions.save(owner.id(), grandmother.id());
        companions.save(owner.id(), child.id());

        assertThat(companions.of(owner.id())).containsExactly(child, grandmother);
        assertThat(companions.of(child.id())).isEmpty();
        companions.remove(owner.id(), child.id());
        companions.remove(owner.id(), child.id());
        assertThat(companions.of(owner.id())).containsExactly(grandmother);
    }

    @Test
    void companionsAreOtherKnownPersonsUpToTheLimit() {
        Person owner = persons.registerOrUpdate(TestPersons.details("郑一"));

        assertThatThrownBy(() -> companions.save(owner.id(), owner.id())).isInstanceOf(InvalidPersonDetails.class)
                .hasMessageContaining("person.error.companion.self");
        assertThatThrownBy(() -> companions.save(owner.id(), Long.MAX_VALUE)).isInstanceOf(PersonNotFound.class);
        for (int i = 0; i < 20; i++) {
            companions.save(owner.id(), persons.registerOrUpdate(PersonDetails.of("家人", null, idNumber())).id());
        }
        Person oneTooMany = persons.registerOrUpdate(PersonDetails.of("家人", null, idNumber()));
        assertThatThrownBy(() -> companions.save(owner.id(), oneTooMany.id())).isInstanceOf(InvalidPersonDetails.class)
                .hasMessageContaining("person.error.companion.tooMany");
        assertThat(companions.of(owner.id())).hasSize(20);
    }

    private long total() {
        return jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
    }

}
