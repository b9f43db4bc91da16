package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The keys generated on the first run: where, who may read them, and that a stranger key is refused. */
@SpringBootTest
class PersonKeyFilesTests {

    @Autowired SecretKeyFiles files;
    @Autowired JiaxingProperties platform;
    @Autowired Persons persons;
    @Autowired JdbcClient jdbc;
    @Autowired PersonKeyCheck keyCheck;

    @Test
    void bothKeysAreGeneratedIntoTheDataDirectoryReadableByTheOwnerOnly() throws IOException {
        for (String name : new String[] {"person-data.key", "person-index.key"}) {
            Path file = files.fileOf(name);
            assertThat(file.getParent()).isEqualTo(platform.dataDir().resolve("keys").toAbsolutePath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.fileOf("person-data.key")
                .getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(files.fileOf("person-data.key")))
                .isNotEqualTo(Files.readString(files.fileOf("person-index.key")));
        try (var leftovers = Files.list(files.fileOf("person-data.key").getParent())) {
            assertThat(leftovers.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void theStoredNamesAreEncryptedWithTheKeyInTheFile() throws IOException {
        Person person = persons.registerOrUpdate(TestPersons.details("冯九"));
        byte[] key = Base64.getDecoder().decode(Files.readString(files.fileOf("person-data.key")).strip());
        String stored = jdbc.sql("SELECT name_enc FROM person WHERE id = :id").param("id", person.id())
                .query(String.class).single();

        assertThat(new FieldCipher(1, Map.of(1, new SecretKeySpec(key, "AES"))).decrypt("person.name", stored))
                .isEqualTo("冯九");
    }

    @Test
    void anotherKeyThanTheOneTheDatabaseWasWrittenWithIsRefused() {
        byte[] stranger = new byte[32];
        new java.security.SecureRandom().nextBytes(stranger);

        assertThatThrownBy(() -> keyCheck.verify(PersonKeyCheck.DATA, 1, new SecretKeySpec(stranger, "AES"), PersonKeys.DATA_KEY_FILE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the key the stored persons were written with")
                .hasMessageContaining("person-data.key")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(stranger));
        assertThatThrownBy(() -> keyCheck.verify(PersonKeyCheck.INDEX, 1, new SecretKeySpec(stranger, "HmacSHA256"), PersonKeys.INDEX_KEY_FILE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("person-index.key");
    }

    @Test
    void theSameKeyPassesTheCheckAgain() throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(files.fileOf("person-data.key")).strip());

        keyCheck.verify(PersonKeyCheck.DATA, 1, new SecretKeySpec(key, "AES"), PersonKeys.DATA_KEY_FILE);
    }
}
