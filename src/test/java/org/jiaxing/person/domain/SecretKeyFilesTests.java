package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFilesTests {

    @TempDir Path dataDir;

    @Test
    void aGeneratedKeyIsReadBackOnTheNextStart() {
        byte[] generated = files().readOrGenerate("person-data.key");

        assertThat(files().readOrGenerate("person-data.key")).isEqualTo(generated).hasSize(32);
    }

    @Test
    void aKeyFileOfTheWrongSizeStopsTheStart() throws IOException {
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/person-data.key"), "c2hvcnQ=");

        assertThatThrownBy(() -> files().readOrGenerate("person-data.key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must hold 32 bytes");
    }

    @Test
    void anEnvironmentKeyMustBeBase64Of32Bytes() {
        assertThatThrownBy(() -> SecretKeyFiles.decode("not base64!", "JIAXING_PERSON_DATA_KEY"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> SecretKeyFiles.decode("c2hvcnQ=", "JIAXING_PERSON_DATA_KEY"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void anExistingKeysDirectoryKeepsItsModeAndNewFilesAreOwnerOnly() throws IOException {
        Files.createDirectory(dataDir.resolve("keys"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));

        files().readOrGenerate("person-index.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/person-index.key"))))
                .isEqualTo("rw-------");
    }

    private SecretKeyFiles files() {
        return new SecretKeyFiles(new JiaxingProperties(dataDir, URI.create("http://localhost"), ZoneId.of("UTC"),
                new JiaxingProperties.Demo(false)));
    }
}
