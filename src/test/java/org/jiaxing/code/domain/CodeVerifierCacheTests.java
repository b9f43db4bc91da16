package org.jiaxing.code.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaxing.code.CodeVerification.Valid;
import org.jiaxing.code.CodeVerification.Withdrawn;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.venue.TestVenues;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A reissue forgets only the reissued venue's verified tokens: every other venue's next scan still skips the
 * Ed25519 verification (forgetting them all cost a city's worth of verifications at every reissue).
 */
@SpringBootTest
class CodeVerifierCacheTests {

    @Autowired VenueCodes codes;
    @Autowired CodeVerifier verifier;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired SigningKeys keys;

    @Test
    void aReissueForgetsTheVenuesTokensAndKeepsTheOthersVerified() {
        long reissued = venue();
        long other = venue();
        String old = codes.current(reissued).token();
        String otherToken = codes.current(other).token();
        assertThat(codes.verify(old)).isInstanceOf(Valid.class);
        assertThat(codes.verify(otherToken)).isInstanceOf(Valid.class);
        int cached = verifier.cachedCount();

        codes.reissue(reissued, TestVenues.cityAdmin());

        assertThat(verifier.cachedCount()).as("only the reissued venue's token went").isEqualTo(cached - 1);
        assertThat(codes.verify(old)).isInstanceOf(Withdrawn.class);
        assertThat(codes.verify(codes.current(reissued).token())).isEqualTo(new Valid(reissued, 2, keys.signer().kid()));
        assertThat(codes.verify(otherToken)).isEqualTo(new Valid(other, 1, keys.signer().kid()));
        assertThat(verifier.cachedCount()).as("the new token is cached, the old one is not").isEqualTo(cached);
    }

    private long venue() {
        String code = "VERIFY-" + System.nanoTime() % 100_000_000;
        registry.upsertAll(List.of(new VenueDraft(code, "东湖菜场", "FARMERS_MARKET", "danghu", "东湖路 2 号",
                null, null, null, null, null, null)));
        return venues.findByCode(code).orElseThrow().id();
    }
}
