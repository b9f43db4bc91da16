package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.jiaxing.code.CodeVerification.Valid;
import org.jiaxing.code.domain.CodeProperties;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.KeyStoreFiles;
import org.jiaxing.code.domain.SigningKeyRepository;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.code.domain.TokenCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** JIAXING_CODE_SIGNING_KEY / _KID: the operator's key signs, and nothing private is written to disk. */
@SpringBootTest
class EnvironmentSigningKeyTests {

    private static final KeyPair OPERATOR_KEY = Ed25519.generate();

    @DynamicPropertySource
    static void environmentKey(DynamicPropertyRegistry registry) {
        registry.add("jiaxing.code.signing-key", () -> Base64.getEncoder().encodeToString(OPERATOR_KEY.getPrivate().getEncoded()));
        registry.add("jiaxing.code.signing-kid", () -> "7");
    }

    @Autowired VenueCodes codes;
    @Autowired SigningKeys keys;
    @Autowired KeyStoreFiles files;
    @Autowired JdbcClient jdbc;
    @Autowired SigningKeyRepository repository;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;

    @Test
    void codesAreSignedWithTheEnvironmentKey() {
        long venue = new TestVenues(jdbc).hospitalInDanghu();
        IssuedCode code = codes.current(venue);
        TokenCodec.Decoded decoded = (TokenCodec.Decoded) TokenCodec.decode(code.token());

        assertThat(code.kid()).isEqualTo(7);
        assertThat(Ed25519.verify(OPERATOR_KEY.getPublic(), decoded.payload(), decoded.signature())).isTrue();
        assertThat(codes.verify(code.token())).isEqualTo(new Valid(venue, 1, 7));
    }

    @Test
    void theKeyIsRegisteredWithoutAPrivateFile() throws Exception {
        SigningKeys.KeyEntry entry = keys.key(7).orElseThrow();

        assertThat(entry.source()).isEqualTo(SigningKeys.PrivateKeySource.ENVIRONMENT);
        assertThat(entry.record().publicKey()).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Ed25519.rawPublicKey(OPERATOR_KEY.getPublic())));
        assertThat(keys.all()).hasSize(1);
        Path directory = files.directory();
        if (Files.exists(directory)) {
            // the directory is shared with other modules' keys (person-data.key, …): look for signing keys only
            try (var written = Files.list(directory)) {
                assertThat(written.map(file -> file.getFileName().toString()))
                        .noneMatch(name -> name.startsWith("venue-code-key"));
            }
        }
    }

    @Test
    void aNewEnvironmentKeyAfterARestartSignsWhileOldPostersKeepVerifyingUntilRetired() {
        long venue = new TestVenues(jdbc).hospitalInDanghu();
        TokenCodec.Decoded oldPoster = (TokenCodec.Decoded) TokenCodec.decode(codes.current(venue).token());
        KeyPair nextKey = Ed25519.generate();

        // the restart: JIAXING_CODE_SIGNING_KEY now holds key 8, the same database and key directory
        SigningKeys restarted = new SigningKeys(repository, files, new CodeProperties(null,
                Base64.getEncoder().encodeToString(nextKey.getPrivate().getEncoded()), 8, Duration.ofHours(1), 16384),
                clock, events);
        restarted.afterSingletonsInstantiated();

        assertThat(restarted.signer().kid()).isEqualTo(8);
        SigningKeys.KeyEntry old = restarted.key(7).orElseThrow();
        assertThat(old.record().active()).isTrue();
        assertThat(old.source()).isEqualTo(SigningKeys.PrivateKeySource.NONE);
        assertThat(Ed25519.verify(old.publicKey(), oldPoster.payload(), oldPoster.signature())).isTrue();

        restarted.retire(7, "city-admin");
        assertThat(restarted.key(7).orElseThrow().record().active()).isFalse();
    }
}
