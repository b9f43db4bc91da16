package org.jiaxing.code.web;

import java.time.Instant;
import java.util.List;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import java.time.Duration;

/**
 * The public keys as JSON, for verifiers that work offline (an inspector's app, a district system).
 * Each key is the raw 32-byte Ed25519 public key in base64url (RFC 8037's "x"); retired keys stay
 * listed with their status so a verifier knows to refuse their codes. The token layout is described in
 * the document itself.
 */
@RestController
class WellKnownKeysController {

    static final String PATH = "/.well-known/jiaxing-keys";

    static final String FORMAT = "token = base64url-nopad(payload || signature); payload = 0x01 (version) || "
            + "varint(kid) || varint(venueId) || varint(generation), varints unsigned LEB128; signature = "
            + "Ed25519(payload) with the key of that kid, 64 bytes. Accept only keys with status ACTIVE. "
            + "Whether a generation is still current (not withdrawn) needs the server.";

    record PublishedKey(int kid, String kty, String crv, String alg, String use, String x, String status,
            Instant created, Instant retired) {
    }

    record PublishedKeys(String issuer, String urlPrefix, String format, List<PublishedKey> keys) {
    }

    private final SigningKeys keys;
    private final JiaxingProperties platform;

    WellKnownKeysController(SigningKeys keys, JiaxingProperties platform) {
        this.keys = keys;
        this.platform = platform;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublishedKeys> keys() {
        List<PublishedKey> published = keys.all().stream().map(key -> new PublishedKey(key.kid(), "OKP", "Ed25519",
                "Ed25519", "sig", key.record().publicKey(), key.record().status().name(), key.record().createdAt(),
                key.record().retiredAt())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new PublishedKeys(platform.baseUrl(), platform.baseUrl() + "/c/", FORMAT, published));
    }
}
