package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.Generations;
import org.jiaxing.code.domain.KeyStatus;
import org.jiaxing.code.domain.SigningKeyRecord;
import org.jiaxing.code.domain.SigningKeyRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** The code module's tables behave the same on SQLite and PostgreSQL. */
abstract class VenueCodeStoreContract {

    private static final Instant MONDAY = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired Generations generations;
    @Autowired SigningKeyRepository keys;

    @Test
    void aVenueWithoutReissuesIsAtGenerationOne() {
        assertThat(generations.generationOf(777_001)).isEqualTo(1);
        assertThat(generations.current(777_001)).isEqualTo(new Generations.Current(777_001, 1, null, null));
    }

    @Test
    void eachBumpAddsOneAndRemembersWhoAndWhen() {
        assertThat(generations.bump(777_002, "town-admin", MONDAY)).isEqualTo(2);
        assertThat(generations.bump(777_002, "city-admin", MONDAY.plusSeconds(60))).isEqualTo(3);

        assertThat(generations.current(777_002))
                .isEqualTo(new Generations.Current(777_002, 3, "city-admin", MONDAY.plusSeconds(60)));
        assertThat(generations.generationOf(777_003)).isEqualTo(1);
        assertThat(generations.reissued()).containsEntry(777_002L, 3).doesNotContainKey(777_003L);
    }

    @Test
    void keysAreStoredRetiredOnceAndNeverReused() {
        int kid = keys.nextKid();
        String publicKey = publicKeyText();
        keys.insert(kid, publicKey, MONDAY, "city-admin");

        assertThat(keys.find(kid)).contains(new SigningKeyRecord(kid, publicKey, KeyStatus.ACTIVE, MONDAY,
                "city-admin", null, null));
        assertThat(keys.nextKid()).isEqualTo(kid + 1);
        assertThat(keys.retire(kid, MONDAY.plusSeconds(5), "city-admin")).isTrue();
        assertThat(keys.retire(kid, MONDAY.plusSeconds(9), "someone")).isFalse();
        assertThat(keys.find(kid).orElseThrow()).extracting(SigningKeyRecord::status, SigningKeyRecord::retiredAt,
                SigningKeyRecord::retiredBy).containsExactly(KeyStatus.RETIRED, MONDAY.plusSeconds(5), "city-admin");
        assertThatThrownBy(() -> keys.insert(kid, publicKeyText(), MONDAY, null))
                .isInstanceOf(DataAccessException.class);
        assertThat(keys.findAll()).extracting(SigningKeyRecord::kid).contains(kid);
    }

    /** A real key: the keyring of the shared test context reads every row. */
    private static String publicKeyText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519.rawPublicKey(Ed25519.generate().getPublic()));
    }
}
