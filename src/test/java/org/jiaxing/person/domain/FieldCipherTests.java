package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.person.domain.FieldCipher.UnreadableField;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final String NAME = "person.name";
    private final SecretKey key = randomKey();
    private final FieldCipher cipher = new FieldCipher(1, Map.of(1, key));

    @Test
    void roundTripsUnicode() {
        for (String clear : new String[] {"张三", "阿卜杜·热合曼", "𠮷田", "John Smith", "", "x".repeat(500)}) {
            assertThat(cipher.decrypt(NAME, cipher.encrypt(NAME, clear))).isEqualTo(clear);
        }
    }

    @Test
    void theSameValueEncryptsDifferentlyEveryTime() {
        String first = cipher.encrypt(NAME, "张三");
        String second = cipher.encrypt(NAME, "张三");

        assertThat(first).isNotEqualTo(second);
        assertThat(iv(first)).isNotEqualTo(iv(second));
    }

    @Test
    void theLayoutIsFormatKeyIdIvCiphertextAndTag() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(NAME, "张三"));

        assertThat(bytes[0]).isEqualTo(FieldCipher.FORMAT);
        assertThat(bytes[1]).isEqualTo((byte) 1);
        assertThat(bytes).hasSize(2 + 12 + "张三".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void everyChangedByteIsDetected() {
        byte[] original = Base64.getDecoder().decode(cipher.encrypt(NAME, "张三丰"));
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            String stored = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(NAME, stored)).as("byte %d changed", i)
                    .isInstanceOf(UnreadableField.class)
                    .hasMessageStartingWith("Stored person.name cannot be decrypted")
                    .hasMessageNotContaining("张");
        }
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() {
        String idNumber = cipher.encrypt("person.idNumber", "330482199001011234");

        assertThatThrownBy(() -> cipher.decrypt(NAME, idNumber)).isInstanceOf(UnreadableField.class);
    }

    @Test
    void anotherKeyOrAnUnknownKeyIdDoesNotDecrypt() {
        String stored = cipher.encrypt(NAME, "张三");

        assertThatThrownBy(() -> new FieldCipher(1, Map.of(1, randomKey())).decrypt(NAME, stored))
                .isInstanceOf(UnreadableField.class).hasMessageContaining("authentication failed");
        assertThatThrownBy(() -> new FieldCipher(2, Map.of(2, key)).decrypt(NAME, stored))
                .isInstanceOf(UnreadableField.class).hasMessageContaining("unknown key id 1");
    }

    @Test
    void anOldKeyStillDecryptsAfterANewOneTakesOver() {
        String old = cipher.encrypt(NAME, "张三");
        FieldCipher rotated = new FieldCipher(2, Map.of(1, key, 2, randomKey()));

        assertThat(rotated.decrypt(NAME, old)).isEqualTo("张三");
        assertThat(Base64.getDecoder().decode(rotated.encrypt(NAME, "李四"))[1]).isEqualTo((byte) 2);
    }

    @Test
    void garbageIsRefusedCleanly() {
        assertThatThrownBy(() -> cipher.decrypt(NAME, "not base64!")).isInstanceOf(UnreadableField.class);
        assertThatThrownBy(() -> cipher.decrypt(NAME, "AQE=")).isInstanceOf(UnreadableField.class);
        assertThat(cipher.decryptNullable(NAME, null)).isNull();
        assertThat(cipher.encryptNullable(NAME, null)).isNull();
    }

    private static byte[] iv(String stored) {
        return java.util.Arrays.copyOfRange(Base64.getDecoder().decode(stored), 2, 14);
    }

    static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
