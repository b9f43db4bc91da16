package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.jiaxing.code.CodeVerification.Invalid;
import org.jiaxing.code.CodeVerification.Reason;
import org.jiaxing.code.CodeVerification.UnknownKey;
import org.jiaxing.code.CodeVerification.Valid;
import org.jiaxing.code.CodeVerification.Withdrawn;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.code.domain.TokenCodec;
import org.jiaxing.code.domain.VenueToken;
import org.jiaxing.venue.VenueNotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issuing, verifying, reissuing and rotating, through the module's API. */
@SpringBootTest
class VenueCodesTests {

    @Autowired VenueCodes codes;
    @Autowired SigningKeys keys;
    @Autowired JdbcClient jdbc;
    TestVenues venues;

    @BeforeEach
    void setUp() {
        venues = new TestVenues(jdbc);
    }

    @Test
    void aFreshCodeVerifiesAndPointsToTheScanPage() {
        long venue = venues.hospitalInDanghu();
        IssuedCode code = codes.current(venue);

        assertThat(code.generation()).isEqualTo(1);
        assertThat(code.url()).isEqualTo("http://localhost:8080/c/" + code.token());
        assertThat(code.token()).hasSizeBetween(90, 96);
        assertThat(codes.verify(code.token())).isEqualTo(new Valid(venue, 1, keys.signer().kid()));
        assertThat(codes.verify(code.token())).as("cached").isEqualTo(new Valid(venue, 1, keys.signer().kid()));
    }

    @Test
    void aThousandMutatedTokensAreAllRejected() {
        long venue = venues.hospitalInDanghu();
        String token = codes.current(venue).token();
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        Random random = new Random(42);
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] flipped = bytes.clone();
            int bit = random.nextInt(flipped.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            mutants.add(encode(flipped));
        }
        for (int i = 0; i < 150; i++) {
            mutants.add(token.substring(0, random.nextInt(token.length())));
            byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
            for (int b = bytes.length; b < longer.length; b++) {
                longer[b] = (byte) random.nextInt(256);
            }
            mutants.add(encode(longer));
        }
        for (int i = 0; i < 150; i++) {
            char[] chars = token.toCharArray();
            int at = random.nextInt(chars.length);
            char replacement;
            do {
                replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
            } while (replacement == chars[at]);
            chars[at] = replacement;
            mutants.add(new String(chars));
        }
        for (int i = 0; i < 150; i++) {
            byte[] randomBytes = new byte[random.nextInt(100)];
            random.nextBytes(randomBytes);
            mutants.add(encode(randomBytes));
        }
        for (int i = 0; i < 100; i++) {
            byte[] spliced = bytes.clone();
            spliced[0] = 1; // keep the version, scramble the fields and signature
            for (int b = 1 + random.nextInt(4); b < spliced.length; b += 1 + random.nextInt(6)) {
                spliced[b] = (byte) random.nextInt(256);
            }
            mutants.add(encode(spliced));
        }

        assertThat(mutants).hasSizeGreaterThanOrEqualTo(1_000);
        for (String mutant : mutants) {
            if (!mutant.equals(token)) {
                assertThat(codes.verify(mutant)).as("mutant %s", mutant).isNotInstanceOf(Valid.class);
            }
        }
        assertThat(codes.verify(token)).isInstanceOf(Valid.class);
    }

    @Test
    void aTokenSignedByAKeyWeNeverHadIsRejected() {
        long venue = venues.hospitalInDanghu();
        KeyPair forger = Ed25519.generate();

        String unknownKid = forge(forger, new VenueToken(9_999, venue, 1));
        String knownKidWrongKey = forge(forger, new VenueToken(keys.signer().kid(), venue, 1));

        assertThat(codes.verify(unknownKid)).isEqualTo(new UnknownKey(9_999));
        assertThat(codes.verify(knownKidWrongKey)).isEqualTo(new Invalid(Reason.BAD_SIGNATURE));
    }

    @Test
    void reissueWithdrawsTheOlderGeneration() {
        long venue = venues.supermarketInGuangchen();
        String first = codes.current(venue).token();
        assertThat(codes.verify(first)).isInstanceOf(Valid.class); // now cached

        IssuedCode second = codes.reissue(venue, TestUsers.townAdmin("guangchen"));

        assertThat(second.generation()).isEqualTo(2);
        assertThat(second.reissuedBy()).startsWith("town-admin-guangchen");
        assertThat(codes.verify(first)).isEqualTo(new Withdrawn(venue, 1, 2));
        assertThat(codes.verify(second.token())).isEqualTo(new Valid(venue, 2, second.kid()));
    }

    @Test
    void onlyManagersMayReissue() {
        long venue = venues.supermarketInGuangchen();

        assertThatThrownBy(() -> codes.reissue(venue, TestUsers.venueStaff(venue)))
                .hasMessageContaining("reissueNotAllowed");
        assertThatThrownBy(() -> codes.reissue(venue, TestUsers.townAdmin("danghu"))).isInstanceOf(VenueNotFound.class);
        assertThat(codes.current(venue).generation()).isEqualTo(1);
    }

    @Test
    void aFutureGenerationIsNotAcceptedEvenWithAGoodSignature() {
        long venue = venues.hospitalInDanghu();
        SigningKeys.Signer signer = keys.signer();
        byte[] payload = TokenCodec.payload(new VenueToken(signer.kid(), venue, 5));

        assertThat(codes.verify(TokenCodec.encode(payload, signer.sign(payload))))
                .isEqualTo(new Invalid(Reason.UNKNOWN_GENERATION));
    }

    @Test
    void rotationKeepsOldCodesValidUntilTheirKeyIsRetired() {
        long venue = venues.hospitalInDanghu();
        IssuedCode before = codes.current(venue);

        int newKid = keys.rotate("city-admin").kid();
        IssuedCode after = codes.current(venue);

        assertThat(after.kid()).isEqualTo(newKid).isNotEqualTo(before.kid());
        assertThat(after.token()).isNotEqualTo(before.token());
        assertThat(codes.verify(before.token())).isEqualTo(new Valid(venue, 1, before.kid()));
        assertThat(codes.verify(after.token())).isEqualTo(new Valid(venue, 1, newKid));

        keys.retire(before.kid(), "city-admin");

        assertThat(codes.verify(before.token())).isEqualTo(new Invalid(Reason.RETIRED_KEY));
        assertThat(codes.verify(after.token())).isInstanceOf(Valid.class);
    }

    @Test
    void theSigningKeyCannotBeRetired() {
        int signing = keys.signer().kid();

        assertThatThrownBy(() -> keys.retire(signing, "city-admin")).hasMessageContaining("signingKey");
        assertThat(keys.key(signing).orElseThrow().record().active()).isTrue();
    }

    private static String forge(KeyPair key, VenueToken token) {
        byte[] payload = TokenCodec.payload(token);
        return TokenCodec.encode(payload, Ed25519.sign(key.getPrivate(), payload));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
