package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jiaxing.code.domain.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The published keys are enough to check a code offline, with nothing but the JDK. */
@SpringBootTest
@AutoConfigureMockMvc
class WellKnownKeysTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueCodes codes;
    @Autowired SigningKeys keys;
    @Autowired JdbcClient jdbc;

    @Test
    void publishesEveryKeyWithoutLogin() throws Exception {
        MvcTestResult result = mvc.get().uri("/.well-known/jiaxing-keys").exchange();

        assertThat(result).hasStatusOk().hasContentType("application/json")
                .hasHeader("Cache-Control", "max-age=300, public");
        String json = result.getResponse().getContentAsString();
        int signing = keys.signer().kid();
        assertThat(JsonPath.<List<Integer>>read(json, "$.keys[*].kid")).contains(signing);
        assertThat(JsonPath.<List<String>>read(json, "$.keys[?(@.kid == " + signing + ")].alg")).containsExactly("Ed25519");
        assertThat(JsonPath.<List<String>>read(json, "$.keys[?(@.kid == " + signing + ")].status")).containsExactly("ACTIVE");
        assertThat(JsonPath.<String>read(json, "$.urlPrefix")).isEqualTo("http://localhost:8080/c/");
        assertThat(json).doesNotContain("PRIVATE", "\"d\"");
    }

    @Test
    void anOfflineVerifierAcceptsAGenuineCodeAndRefusesAForgery() throws Exception {
        long venue = new TestVenues(jdbc).hospitalInDanghu();
        String url = codes.issueUrl(venue);
        String json = publishedKeys();

        assertThat(OfflineVerifier.check(json, url)).isEqualTo("venue " + venue + " generation 1");
        String tampered = url.substring(0, url.length() - 5) + (url.endsWith("AAAAA") ? "BBBBB" : "AAAAA");
        assertThat(OfflineVerifier.check(json, tampered)).isEqualTo("bad signature");
    }

    @Test
    void anOfflineVerifierRefusesCodesOfARetiredKey() throws Exception {
        long venue = new TestVenues(jdbc).hospitalInDanghu();
        String oldUrl = codes.issueUrl(venue);
        int oldKid = keys.signer().kid();
        keys.rotate("city-admin");
        keys.retire(oldKid, "city-admin");

        assertThat(OfflineVerifier.check(publishedKeys(), oldUrl)).isEqualTo("retired key");
        assertThat(OfflineVerifier.check(publishedKeys(), codes.issueUrl(venue))).startsWith("venue " + venue);
    }

    private String publishedKeys() throws Exception {
        return mvc.get().uri("/.well-known/jiaxing-keys").exchange().getResponse().getContentAsString();
    }

    /**
     * What a third party would write from the published document alone: no project code, JDK only.
     * Returns what it concluded, as text.
     */
    static final class OfflineVerifier {

        static String check(String keysJson, String url) throws Exception {
            String prefix = JsonPath.read(keysJson, "$.urlPrefix");
            byte[] bytes = Base64.getUrlDecoder().decode(url.substring(prefix.length()));
            byte[] payload = Arrays.copyOf(bytes, bytes.length - 64);
            byte[] signature = Arrays.copyOfRange(bytes, bytes.length - 64, bytes.length);
            long[] fields = new long[3]; // kid, venue id, generation
            int position = 1;
            for (int field = 0; field < 3; field++) {
                for (int shift = 0; ; shift += 7) {
                    int b = payload[position++] & 0xff;
                    fields[field] |= (long) (b & 0x7f) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
            }
            List<Map<String, Object>> key = JsonPath.read(keysJson, "$.keys[?(@.kid == " + fields[0] + ")]");
            if (payload[0] != 1 || key.isEmpty()) {
                return "unknown key";
            }
            if (!"ACTIVE".equals(key.get(0).get("status"))) {
                return "retired key";
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(Base64.getUrlDecoder().decode((String) key.get(0).get("x"))));
            verifier.update(payload);
            return verifier.verify(signature) ? "venue " + fields[1] + " generation " + fields[2] : "bad signature";
        }

        /** RFC 8032: y little-endian, the top bit of the last byte is the sign of x. */
        private static PublicKey publicKey(byte[] raw) throws Exception {
            byte[] bigEndian = new byte[raw.length];
            for (int i = 0; i < raw.length; i++) {
                bigEndian[i] = raw[raw.length - 1 - i];
            }
            boolean xOdd = (bigEndian[0] & 0x80) != 0;
            bigEndian[0] &= 0x7f;
            EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
            return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        }
    }
}
