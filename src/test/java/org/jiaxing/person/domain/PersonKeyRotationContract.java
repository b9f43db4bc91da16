package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiaxing.person.TestPersons.idNumber;
import static org.jiaxing.person.TestPersons.phone;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.domain.FieldCipher.UnreadableField;
import org.jiaxing.person.domain.PersonKeyRing.Kind;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the person data key and index key with persons stored, on both databases. The application
 * context runs with key 1 of each (from the environment); "after the restart" is the same database with
 * services built on the rotated key sets, as {@link PersonKeys} would build them.
 */
abstract class PersonKeyRotationContract {

    static final byte[] DATA_1 = random32();
    static final byte[] DATA_2 = random32();
    static final byte[] INDEX_1 = random32();
    static final byte[] INDEX_2 = random32();

    @DynamicPropertySource
    static void keyOne(DynamicPropertyRegistry registry) {
        registry.add("jiaxing.person.data-keys", () -> "1:" + base64(DATA_1));
        registry.add("jiaxing.person.index-keys", () -> "1:" + base64(INDEX_1));
        registry.add("jiaxing.person.rekey-batch-size", () -> "2");
        // this context's own re-keying (to key 1) must not run between the steps below
        registry.add("jiaxing.person.rekey-interval", () -> "1h");
    }

    @Autowired Persons persons;
    @Autowired PersonStore store;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired ApplicationEventPublisher events;
    @Autowired Clock clock;
    @Autowired JiaxingProperties platform;
    @Autowired PersonProperties properties;
    @Autowired TransactionTemplate transactions;

    @Test
    void rotatingBothKeysKeepsEveryPersonReadableAndFindableWhileTheReKeyingConvertsThemAll() {
        List<PersonDetails> before = new ArrayList<>();
        List<Person> stored = new ArrayList<>();
        for (String name : new String[] {"陈一", "林二", "黄三", "吴四", "徐五"}) {
            PersonDetails details = PersonDetails.of(name, phone(), idNumber());
            before.add(details);
            stored.add(persons.registerOrUpdate(details));
        }
        long updatedAtOfThird = updatedAt(stored.get(2).id());

        // restart with key 2 current, key 1 still configured for reading
        Keys rotated = keys(Map.of(1, DATA_1, 2, DATA_2), 2, Map.of(1, INDEX_1, 2, INDEX_2), 2);
        everyoneIsReadableAndFindable(rotated, before, stored);

        PersonDetails newcomer = PersonDetails.of("郑六", phone(), idNumber());
        Person added = rotated.persons.registerOrUpdate(newcomer);
        assertThat(keyIds(added.id())).containsExactly(2, 2);
        String newcomerName = nameEnc(added.id());
        assertThat(cipher(Map.of(2, DATA_2), 2).decrypt(PersonSealing.NAME, newcomerName)).isEqualTo("郑六");
        assertThatThrownBy(() -> cipher(Map.of(1, DATA_1), 1).decrypt(PersonSealing.NAME, newcomerName))
                .isInstanceOf(UnreadableField.class).hasMessageContaining("unknown key id 2");

        // a change seals the whole row with the new keys; the old phone no longer finds them
        String newPhone = phone();
        rotated.persons.registerOrUpdate(PersonDetails.of(null, newPhone, before.get(1).idNumber()));
        assertThat(keyIds(stored.get(1).id())).containsExactly(2, 2);
        assertThat(rotated.persons.findByPhone(newPhone)).map(Person::id).contains(stored.get(1).id());
        assertThat(rotated.persons.findByPhone(before.get(1).phone())).isEmpty();
        before.set(1, PersonDetails.of(before.get(1).name(), newPhone, before.get(1).idNumber()));

        // one batch of two: a mixed table, and every lookup still works
        long left = underOlderKeys(2, 2);
        PersonRekeying.Progress first = rotated.rekeying.run(1);
        assertThat(first.converted()).isEqualTo(2);
        assertThat(first.remaining()).isEqualTo(left - 2).isEqualTo(rotated.rekeying.remaining());
        everyoneIsReadableAndFindable(rotated, before, stored);
        assertThat(rotated.persons.findByIdNumber(before.get(1).idNumber())).isPresent();

        PersonRekeying.Progress rest = rotated.rekeying.run(1000);
        assertThat(rest.remaining()).isZero();
        assertThat(rest.unreadable()).isZero();
        assertThat(underOlderKeys(2, 2)).isZero();
        assertThat(rotated.rekeying.run(1000).converted()).as("nothing is converted twice").isZero();
        assertThat(updatedAt(stored.get(2).id())).as("re-keying is not a change of details (retention)")
                .isEqualTo(updatedAtOfThird);
        assertThat(rotated.persons.registerOrUpdate(before.get(3)).id()).as("no second registration")
                .isEqualTo(stored.get(3).id());

        // key 1 removed: the start-up check passes and everyone is still there
        Keys keyTwoOnly = keys(Map.of(2, DATA_2), 2, Map.of(2, INDEX_2), 2);
        startUpCheck(keyTwoOnly).afterSingletonsInstantiated();
        everyoneIsReadableAndFindable(keyTwoOnly, before, stored);
        assertThat(keyTwoOnly.persons.find(added.id())).contains(added);
    }

    @Test
    void theReKeyingIsSafeWhileVisitorsChangeTheirDetails() throws Exception {
        List<PersonDetails> details = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            details.add(PersonDetails.of("王" + "一二三四五六七八九十".charAt(i % 10) + "明", phone(), idNumber()));
            ids.add(persons.registerOrUpdate(details.get(i)).id());
        }
        Keys rotated = keys(Map.of(1, DATA_1, 2, DATA_2), 2, Map.of(1, INDEX_1, 2, INDEX_2), 2);

        List<String> newPhones = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> rekeying = pool.submit(() -> {
                for (int run = 0; run < 1000 && rotated.rekeying.run(1).remaining() > 0; run++) {
                    Thread.onSpinWait();
                }
            });
            for (int i = 0; i < details.size(); i += 2) {
                String fresh = phone();
                newPhones.add(fresh);
                rotated.persons.registerOrUpdate(PersonDetails.of(renamed(i), fresh, details.get(i).idNumber()));
            }
            rekeying.get();
        }

        assertThat(underOlderKeys(2, 2)).isZero();
        for (int i = 0; i < details.size(); i++) {
            PersonDetails expected = i % 2 == 0
                    ? PersonDetails.of(renamed(i), newPhones.get(i / 2), details.get(i).idNumber()) : details.get(i);
            assertThat(reveal(rotated, ids.get(i))).isEqualTo(expected);
            assertThat(rotated.persons.findByPhone(expected.phone())).map(Person::id).contains(ids.get(i));
        }
    }

    @Test
    void aPersonThatCannotBeDecryptedIsCountedAndLeftAndTheReKeyingStopsAfterAFruitlessPass() {
        Person broken = persons.registerOrUpdate(PersonDetails.of("韩九", phone(), idNumber()));
        Person fine = persons.registerOrUpdate(PersonDetails.of("杨十", phone(), idNumber()));
        String name = nameEnc(broken.id());
        // an ID number's ciphertext pasted into the name column: authenticated for another purpose
        jdbc.sql("UPDATE person SET name_enc = id_number_enc WHERE id = :id").param("id", broken.id()).update();
        Keys rotated = keys(Map.of(1, DATA_1, 2, DATA_2), 2, Map.of(1, INDEX_1, 2, INDEX_2), 2);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        rotated.rekeying.bindTo(meters);
        assertThat(meters.get("jiaxing.person.rekey.remaining").gauge().value()).isEqualTo(-1);
        try {
            PersonRekeying.Progress progress = rotated.rekeying.run(1000);

            assertThat(progress.unreadable()).isEqualTo(1);
            assertThat(progress.remaining()).isEqualTo(1);
            assertThat(keyIds(broken.id())).containsExactly(1, 1);
            assertThat(keyIds(fine.id())).containsExactly(2, 2);
            assertThat(meters.get("jiaxing.person.rekey.remaining").gauge().value()).isEqualTo(1);
            assertThat(meters.get("jiaxing.person.rekey.unreadable").functionCounter().count()).isEqualTo(1);
            assertThat(meters.get("jiaxing.person.rekey.converted").functionCounter().count())
                    .isEqualTo(progress.converted()).isPositive();

            rotated.rekeying.scheduled(); // a second pass converts nothing: the job stops looking
            assertThat(meters.get("jiaxing.person.rekey.unreadable").functionCounter().count()).isEqualTo(2);
            rotated.rekeying.scheduled();
            assertThat(meters.get("jiaxing.person.rekey.unreadable").functionCounter().count()).isEqualTo(2);
            assertThat(keyIds(broken.id())).containsExactly(1, 1);
        } finally {
            jdbc.sql("UPDATE person SET name_enc = :name WHERE id = :id").param("name", name).param("id", broken.id())
                    .update();
        }
    }

    @Test
    void aStoredKeyIdWithoutItsKeyStopsTheStartAndSaysWhichKeyToRestore() {
        persons.registerOrUpdate(PersonDetails.of("冯七", phone(), idNumber()));

        assertThatThrownBy(() -> startUpCheck(keys(Map.of(2, DATA_2), 2, Map.of(1, INDEX_1), 1))
                .afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("under data key 1 (JIAXING_PERSON_DATA_KEYS=1:<base64>")
                .hasMessageContaining("{data-dir}/keys/person-data.key")
                .hasMessageNotContaining("index key 1")
                .hasMessageNotContaining(base64(DATA_1));
        assertThatThrownBy(() -> startUpCheck(keys(Map.of(1, DATA_1), 1, Map.of(2, INDEX_2), 2))
                .afterSingletonsInstantiated())
                .hasMessageContaining("under index key 1 (JIAXING_PERSON_INDEX_KEYS=1:<base64>");
    }

    @Test
    void anotherKeyUnderAKnownIdIsRefusedAtStartAndNeverDecryptsIntoGarbage() {
        Person person = persons.registerOrUpdate(PersonDetails.of("蒋八", phone(), idNumber()));
        byte[] impostor = random32();

        assertThatThrownBy(() -> startUpCheck(keys(Map.of(1, impostor), 1, Map.of(1, INDEX_1), 1))
                .afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The person data key 1 is not the key the stored persons were written with")
                .hasMessageContaining("person-data.key");
        assertThatThrownBy(() -> cipher(Map.of(1, impostor), 1).decrypt(PersonSealing.NAME, nameEnc(person.id())))
                .isInstanceOf(UnreadableField.class)
                .hasMessage("Stored person.name cannot be decrypted (authentication failed)");
    }

    private static String renamed(int i) {
        return "改名" + "一二三四五六七八九十".charAt(i % 10) + "一二三四五六七八九十".charAt(i / 10);
    }

    private void everyoneIsReadableAndFindable(Keys keys, List<PersonDetails> details, List<Person> stored) {
        for (int i = 0; i < details.size(); i++) {
            long id = stored.get(i).id();
            assertThat(reveal(keys, id)).isEqualTo(details.get(i));
            assertThat(keys.persons.findByIdNumber(details.get(i).idNumber())).map(Person::id).contains(id);
            assertThat(keys.persons.findByPhone(details.get(i).phone())).map(Person::id).contains(id);
        }
    }

    private PersonDetails reveal(Keys keys, long id) {
        return transactions.execute(status -> keys.persons.reveal(id, "key-rotation-test", "rotation check"));
    }

    /** The services as {@link PersonKeys} builds them for these key sets, on this context's database. */
    private record Keys(PersonKeys.Material material, PersonService persons, PersonRekeying rekeying) {
    }

    private Keys keys(Map<Integer, byte[]> data, int dataCurrent, Map<Integer, byte[]> index, int indexCurrent) {
        PersonKeyRing dataRing = new PersonKeyRing(Kind.DATA, dataCurrent, secretKeys(data, "AES"), true);
        PersonKeyRing indexRing = new PersonKeyRing(Kind.INDEX, indexCurrent, secretKeys(index, "HmacSHA256"), true);
        FieldCipher cipher = new FieldCipher(dataCurrent, dataRing.keys());
        BlindIndex blindIndex = new BlindIndex(indexCurrent, indexRing.keys());
        PersonSealing sealing = new PersonSealing(cipher, blindIndex);
        return new Keys(new PersonKeys.Material(dataRing, indexRing),
                new PersonService(store, cipher, blindIndex, sealing, audit, events, clock, platform, properties),
                new PersonRekeying(store, cipher, blindIndex, sealing, transactions, properties));
    }

    private PersonKeyCheck startUpCheck(Keys keys) {
        return new PersonKeyCheck(keys.material(), store, jdbc, clock);
    }

    private static FieldCipher cipher(Map<Integer, byte[]> keys, int current) {
        return new FieldCipher(current, secretKeys(keys, "AES"));
    }

    private static Map<Integer, SecretKey> secretKeys(Map<Integer, byte[]> raw, String algorithm) {
        Map<Integer, SecretKey> keys = new java.util.HashMap<>();
        raw.forEach((kid, bytes) -> keys.put(kid, new SecretKeySpec(bytes, algorithm)));
        return keys;
    }

    private List<Integer> keyIds(long id) {
        return jdbc.sql("SELECT data_kid, index_kid FROM person WHERE id = :id").param("id", id)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single();
    }

    private String nameEnc(long id) {
        return jdbc.sql("SELECT name_enc FROM person WHERE id = :id").param("id", id).query(String.class).single();
    }

    private long updatedAt(long id) {
        return jdbc.sql("SELECT updated_at FROM person WHERE id = :id").param("id", id).query(Long.class).single();
    }

    private long underOlderKeys(int dataKid, int indexKid) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE data_kid <> :d OR index_kid <> :i")
                .param("d", dataKid).param("i", indexKid).query(Long.class).single();
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
