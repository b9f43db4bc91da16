package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTests {

    private final SecretKey key = FieldCipherTests.randomKey();
    private final BlindIndex index = new BlindIndex(key);

    @Test
    void isStableAndCompact() {
        assertThat(index.phone("13812341234")).isEqualTo(index.phone("13812341234")).hasSize(43)
                .matches("[A-Za-z0-9_-]{43}");
        assertThat(index.phone("13812341234")).isNotEqualTo(index.phone("13812341235"));
    }

    @Test
    void dependsOnTheKey() {
        BlindIndex other = new BlindIndex(FieldCipherTests.randomKey());

        assertThat(other.phone("13812341234")).isNotEqualTo(index.phone("13812341234"));
        assertThat(other.idNumber("330482199001011234")).isNotEqualTo(index.idNumber("330482199001011234"));
    }

    @Test
    void isAnHmacOfThePurposeAndTheValueNotAPlainHash() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
        mac.update("phone\0".getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("13812341234".getBytes(StandardCharsets.UTF_8)));

        assertThat(index.phone("13812341234")).isEqualTo(expected);
    }

    @Test
    void aPhoneAndAnIdNumberWithTheSameDigitsGetDifferentIndexes() {
        assertThat(index.phone("330482199001011234")).isNotEqualTo(index.idNumber("330482199001011234"));
    }

    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        String expected = index.idNumber("330482199001011234");
        var results = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    results.add(index.idNumber("330482199001011234"));
                    index.phone("1381234" + String.format("%04d", i));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsExactly(expected);
    }
}
