package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.KeyStoreFiles;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The key generated on the first run: where it lives, who may read it, what it holds. */
@SpringBootTest
class SigningKeyFilesTests {

    @Autowired SigningKeys keys;
    @Autowired KeyStoreFiles files;
    @Autowired JiaxingProperties platform;

    @Test
    void theFirstRunGeneratesAKeyFileReadableByTheOwnerOnly() throws IOException {
        int kid = keys.signer().kid();
        Path file = files.fileOf(kid);

        assertThat(file.getParent()).isEqualTo(platform.dataDir().resolve("keys").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(keys.key(kid).orElseThrow().source()).isEqualTo(SigningKeys.PrivateKeySource.FILE);
    }

    @Test
    void theFileHoldsThePrivateHalfOfTheRegisteredPublicKey() {
        int kid = keys.signer().kid();
        var privateKey = files.read(kid).orElseThrow();
        String registered = keys.key(kid).orElseThrow().record().publicKey();

        assertThat(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ed25519.rawPublicKey(Ed25519.publicKeyOf(privateKey)))).isEqualTo(registered);
        assertThat(Base64.getUrlDecoder().decode(registered)).hasSize(32);
    }

    @Test
    void rotationWritesANewPrivateFileAndRetiringDeletesTheOldOne() throws IOException {
        int old = keys.signer().kid();
        int fresh = keys.rotate("city-admin").kid();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.fileOf(fresh)))).isEqualTo("rw-------");
        keys.retire(old, "city-admin");

        assertThat(files.fileOf(old)).doesNotExist();
        assertThat(files.fileOf(fresh)).exists();
        assertThat(keys.signer().kid()).isEqualTo(fresh);
    }
}
