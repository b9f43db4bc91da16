package org.jiaxing.code.domain;

import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.CodeVerification.Invalid;
import org.jiaxing.code.CodeVerification.Reason;
import org.jiaxing.code.CodeVerification.UnknownKey;
import org.jiaxing.code.CodeVerification.Valid;
import org.jiaxing.code.CodeVerification.Withdrawn;
import org.jiaxing.code.VenueCodeReissued;
import org.jiaxing.shared.cache.ReadThroughCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks scanned tokens: format, key, signature, generation, in that order, so that nothing about a
 * venue is looked up for an unsigned token. Valid results are remembered in a bounded concurrent map (the
 * city has a few thousand venues, so nearly every scan is a hit, without a lock and without the Ed25519
 * verification); a reissue forgets the venue's tokens, a retired key empties it. The cache's epoch stops a
 * verification that raced with such a change from caching a stale result.
 */
@Component
public class CodeVerifier {

    private final SigningKeys keys;
    private final Generations generations;
    private final ReadThroughCache<String, Valid> verified;

    public CodeVerifier(SigningKeys keys, Generations generations, CodeProperties properties) {
        this.keys = keys;
        this.generations = generations;
        this.verified = new ReadThroughCache<>(properties.verifiedCacheSize());
    }

    public CodeVerification verify(String token) {
        Valid cached = token == null ? null : verified.peek(token);
        if (cached != null) {
            return cached;
        }
        long startedAt = verified.epoch();
        CodeVerification result = check(token);
        if (result instanceof Valid valid) {
            verified.put(token, valid, startedAt);
        }
        return result;
    }

    private CodeVerification check(String text) {
        return switch (TokenCodec.decode(text)) {
            case TokenCodec.Malformed malformed ->
                    new Invalid(malformed.unsupportedVersion() ? Reason.UNSUPPORTED_VERSION : Reason.MALFORMED);
            case TokenCodec.Decoded decoded -> checkSigned(decoded);
        };
    }

    private CodeVerification checkSigned(TokenCodec.Decoded decoded) {
        VenueToken token = decoded.token();
        var key = keys.key(token.kid());
        if (key.isEmpty()) {
            return new UnknownKey(token.kid());
        }
        if (!Ed25519.verify(key.get().publicKey(), decoded.payload(), decoded.signature())) {
            return new Invalid(Reason.BAD_SIGNATURE);
        }
        if (!key.get().record().active()) {
            return new Invalid(Reason.RETIRED_KEY);
        }
        int current = generations.generationOf(token.venueId());
        if (token.generation() < current) {
            return new Withdrawn(token.venueId(), token.generation(), current);
        }
        if (token.generation() > current) {
            return new Invalid(Reason.UNKNOWN_GENERATION);
        }
        return new Valid(token.venueId(), token.generation(), token.kid());
    }

    /**
     * Only the reissued venue's tokens go: the other venues' tokens do not depend on its generation, and
     * forgetting them all made every venue's next scan pay an Ed25519 verification again (a city's 4,421 venues:
     * seconds of request-thread CPU on a slow machine, the same cold cost as after a restart, at every reissue).
     */
    @EventListener
    void on(VenueCodeReissued event) {
        verified.invalidateIf(valid -> valid.venueId() == event.venueId());
    }

    @EventListener
    void on(SigningKeyRetired event) {
        forgetAll();
    }

    private void forgetAll() {
        verified.invalidateAll();
    }

    int cachedCount() {
        return verified.size();
    }
}
