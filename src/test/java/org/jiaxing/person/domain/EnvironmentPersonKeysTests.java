package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** JIAXING_PERSON_DATA_KEY / _INDEX_KEY: the operator's keys are used, and no key file is written. */
@SpringBootTest
class EnvironmentPersonKeysTests {

    private static final byte[] DATA_KEY = random32();
    private static final byte[] INDEX_KEY = random32();

    @DynamicPropertySource
    static void environmentKeys(DynamicPropertyRegistry registry) {
        registry.add("jiaxing.person.data-key", () -> Base64.getEncoder().encodeToString(DATA_KEY));
        registry.add("jiaxing.person.index-key", () -> Base64.getEncoder().encodeToString(INDEX_KEY));
    }

    @Autowired Persons persons;
    @Autowired SecretKeyFiles files;
    @Autowired JdbcClient jdbc;

    @Test
    void fieldsAreEncryptedAndIndexedWithTheEnvironmentKeys() {
        PersonDetails details = TestPersons.details("陈十");
        Person person = persons.registerOrUpdate(details);
        var row = jdbc.sql("SELECT id_number_enc, id_number_index, phone_index FROM person WHERE id = :id")
                .param("id", person.id()).query().singleRow();

        FieldCipher operatorCipher = new FieldCipher(1, Map.of(1, new SecretKeySpec(DATA_KEY, "AES")));
        BlindIndex operatorIndex = new BlindIndex(new SecretKeySpec(INDEX_KEY, "HmacSHA256"));
        assertThat(operatorCipher.decrypt("person.idNumber", (String) row.get("id_number_enc")))
                .isEqualTo(details.idNumber());
        assertThat(row.get("id_number_index")).isEqualTo(operatorIndex.idNumber(details.idNumber()));
        assertThat(row.get("phone_index")).isEqualTo(operatorIndex.phone(details.phone()));
    }

    @Test
    void noKeyFileIsWritten() {
        assertThat(Files.exists(files.fileOf(PersonKeys.DATA_KEY_FILE))).isFalse();
        assertThat(Files.exists(files.fileOf(PersonKeys.INDEX_KEY_FILE))).isFalse();
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
