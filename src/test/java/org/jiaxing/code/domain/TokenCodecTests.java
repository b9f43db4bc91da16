package org.jiaxing.code.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.jiaxing.code.domain.TokenCodec.Decoded;
import org.jiaxing.code.domain.TokenCodec.Malformed;
import org.junit.jupiter.api.Test;

class TokenCodecTests {

    private static final byte[] SIGNATURE = new byte[Ed25519.SIGNATURE_LENGTH];

    static {
        Arrays.fill(SIGNATURE, (byte) 0x5a);
    }

    @Test
    void payloadIsVersionThenVarintsOfKidVenueAndGeneration() {
        byte[] payload = TokenCodec.payload(new VenueToken(1, 300, 2));

        // 300 = 0b10_0101100 -> 0xAC 0x02 in LEB128
        assertThat(HexFormat.of().formatHex(payload)).isEqualTo("0101ac0202");
    }

    @Test
    void aTypicalTokenHasAbout92Characters() {
        String token = TokenCodec.encode(TokenCodec.payload(new VenueToken(1, 4421, 1)), SIGNATURE);

        assertThat(token).hasSize(92).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void decodesWhatItEncodes() {
        VenueToken original = new VenueToken(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        String token = TokenCodec.encode(TokenCodec.payload(original), SIGNATURE);

        assertThat(TokenCodec.decode(token)).isInstanceOfSatisfying(Decoded.class, decoded -> {
            assertThat(decoded.token()).isEqualTo(original);
            assertThat(decoded.signature()).isEqualTo(SIGNATURE);
            assertThat(decoded.payload()).isEqualTo(TokenCodec.payload(original));
        });
    }

    @Test
    void refusesNonCanonicalSpellingsOfTheSameBytes() {
        // 4 payload bytes + 64 = 68 bytes: the last base64 character carries 2 unused bits
        String token = TokenCodec.encode(TokenCodec.payload(new VenueToken(1, 7, 1)), SIGNATURE);
        String withStrayBits = token.substring(0, token.length() - 1) + (char) (token.charAt(token.length() - 1) + 1);

        assertThat(TokenCodec.decode(token)).isInstanceOf(Decoded.class);
        assertThat(Base64.getUrlDecoder().decode(withStrayBits)).isEqualTo(Base64.getUrlDecoder().decode(token));
        assertThat(TokenCodec.decode(withStrayBits)).isInstanceOf(Malformed.class);
        assertThat(TokenCodec.decode(token + "=")).isInstanceOf(Malformed.class);
        assertThat(TokenCodec.decode(token.substring(0, 10) + "+" + token.substring(11))).isInstanceOf(Malformed.class);
    }

    @Test
    void refusesAVarintWithAPaddingByte() {
        byte[] padded = {1, (byte) 0x81, 0x00, 7, 1}; // kid 1 written as two bytes
        assertThat(TokenCodec.decode(TokenCodec.encode(padded, SIGNATURE))).isInstanceOf(Malformed.class);
    }

    @Test
    void refusesZeroFieldsExtraBytesAndOtherVersions() {
        assertThat(TokenCodec.decode(TokenCodec.encode(new byte[] {1, 0, 7, 1}, SIGNATURE))).isInstanceOf(Malformed.class);
        assertThat(TokenCodec.decode(TokenCodec.encode(new byte[] {1, 1, 7, 0}, SIGNATURE))).isInstanceOf(Malformed.class);
        assertThat(TokenCodec.decode(TokenCodec.encode(new byte[] {1, 1, 7, 1, 9}, SIGNATURE))).isInstanceOf(Malformed.class);
        assertThat(TokenCodec.decode(TokenCodec.encode(new byte[] {2, 1, 7, 1}, SIGNATURE)))
                .isEqualTo(new Malformed(true));
    }

    @Test
    void refusesValuesBeyondTheirRange() {
        byte[] kidTooLarge = {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 7, 1}; // 2^31
        assertThat(TokenCodec.decode(TokenCodec.encode(kidTooLarge, SIGNATURE))).isInstanceOf(Malformed.class);
    }

    @Test
    void anyStringGivesAResultNeverAnException() {
        Random random = new Random(20_260_101L);
        String[] samples = {null, "", " ", "=", "====", "%00", "../../etc/passwd", "<script>", "\u0000", "中文",
                "A".repeat(10_000), "AQ", "AQE", "AQEB"};
        for (String sample : samples) {
            assertThat(TokenCodec.decode(sample)).isNotNull();
        }
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(130)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : "AZaz09-_"
                        .charAt(random.nextInt(8));
            }
            assertThat(TokenCodec.decode(new String(chars))).isNotNull();
        }
    }
}
