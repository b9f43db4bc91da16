package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import org.jiaxing.person.domain.PersonKeyRing.Kind;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which person keys a start loads, by id, from key files or the environment, and what it refuses. */
class PersonKeyRingTests {

    @TempDir Path dataDir;

    @Test
    void keyFilesGiveEveryIdAndTheCurrentOneIsGeneratedWhenMissing() throws IOException {
        String one = writeKey("person-data.key");
        String two = writeKey("person-data-2.key");
        writeKey("person-index.key");

        PersonKeyRing data = PersonKeyRing.load(Kind.DATA, null, null, 3, files());

        assertThat(data.keys()).containsOnlyKeys(1, 2, 3);
        assertThat(data.currentId()).isEqualTo(3);
        assertThat(data.fromEnvironment()).isFalse();
        assertThat(base64(data, 1)).isEqualTo(one);
        assertThat(base64(data, 2)).isEqualTo(two);
        assertThat(Files.readString(dataDir.resolve("keys/person-data-3.key")).strip()).isEqualTo(base64(data, 3));
        assertThat(PersonKeyRing.load(Kind.INDEX, null, null, 1, files()).keys()).containsOnlyKeys(1);
    }

    @Test
    void onlyTheCurrentKeyIsGeneratedOnAFreshStart() {
        PersonKeyRing data = PersonKeyRing.load(Kind.DATA, null, null, 1, files());

        assertThat(data.keys()).containsOnlyKeys(1);
        assertThat(Files.exists(dataDir.resolve("keys/person-data.key"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("keys/person-index.key"))).isFalse();
    }

    @Test
    void environmentKeysAreKeyOneAndTheListAndNoFileIsRead() throws IOException {
        writeKey("person-data-5.key");
        String one = randomKey();
        String two = randomKey();

        PersonKeyRing data = PersonKeyRing.load(Kind.DATA, one, " 2:" + two + " ", 2, files());

        assertThat(data.keys()).containsOnlyKeys(1, 2);
        assertThat(base64(data, 1)).isEqualTo(one);
        assertThat(base64(data, 2)).isEqualTo(two);
        assertThat(data.fromEnvironment()).isTrue();
        assertThat(Files.exists(dataDir.resolve("keys/person-data.key"))).isFalse();
    }

    @Test
    void aCurrentIdWithoutAnEnvironmentKeyStopsTheStart() {
        assertThatThrownBy(() -> PersonKeyRing.load(Kind.INDEX, null, "1:" + randomKey(), 2, files()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("JIAXING_PERSON_INDEX_KEY_ID is 2 but no index key 2 is given: add it as "
                        + "JIAXING_PERSON_INDEX_KEYS=2:<base64 of 32 random bytes>");
    }

    @Test
    void malformedKeyListsStopTheStartWithoutShowingTheKeys() {
        String key = randomKey();
        for (String list : new String[] {key, "0:" + key, "256:" + key, "x:" + key}) {
            assertThatThrownBy(() -> PersonKeyRing.load(Kind.DATA, null, list, 1, files()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("id:base64 pairs")
                    .hasMessageNotContaining(key);
        }
        assertThatThrownBy(() -> PersonKeyRing.load(Kind.DATA, key, "1:" + randomKey(), 1, files()))
                .hasMessageContaining("data key 1 is given twice");
        assertThatThrownBy(() -> PersonKeyRing.load(Kind.DATA, null, "2:c2hvcnQ=", 2, files()))
                .hasMessageContaining("JIAXING_PERSON_DATA_KEYS key 2 must hold 32 bytes");
    }

    @Test
    void aKeyFileNumberedOneOrBeyond255IsRefused() throws IOException {
        writeKey("person-data-1.key");
        assertThatThrownBy(() -> PersonKeyRing.load(Kind.DATA, null, null, 1, files()))
                .hasMessageContaining("key 1 is person-data.key");
    }

    @Test
    void theRingNeverShowsItsKeys() {
        PersonKeyRing data = PersonKeyRing.load(Kind.DATA, null, null, 1, files());

        assertThat(data.toString()).isEqualTo("PersonKeyRing[data, current 1, ids [1]]");
        assertThat(new PersonKeys.Material(data, data).toString()).doesNotContain(base64(data, 1));
    }

    private SecretKeyFiles files() {
        return new SecretKeyFiles(new JiaxingProperties(dataDir, URI.create("http://localhost:8080"),
                ZoneId.of("Asia/Shanghai"), new JiaxingProperties.Demo(false)));
    }

    private String writeKey(String name) throws IOException {
        Files.createDirectories(dataDir.resolve("keys"));
        String key = randomKey();
        Files.writeString(dataDir.resolve("keys").resolve(name), key + "\n");
        return key;
    }

    private static String base64(PersonKeyRing ring, int kid) {
        return Base64.getEncoder().encodeToString(ring.keys().get(kid).getEncoded());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
