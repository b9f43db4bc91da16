package org.jiaxing.code.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.CodeVerification.Invalid;
import org.jiaxing.code.CodeVerification.Reason;
import org.jiaxing.code.CodeVerification.UnknownKey;
import org.jiaxing.code.CodeVerification.Valid;
import org.jiaxing.code.CodeVerification.Withdrawn;
import org.jiaxing.code.VenueCodeReissued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks scanned tokens: format, key, signature, generation, in that order, so that nothing about a
 * venue is looked up for an unsigned token. Valid results are remembered in a bounded LRU map (the
 * city has a few thousand venues, so nearly every scan is a hit); a reissue or a retired key empties
 * it. An epoch counter stops a verification that raced with such a change from caching a stale result.
 */
@Component
public class CodeVerifier {

    private final SigningKeys keys;
    private final Generations generations;
    private final Map<String, Valid> verified;
    private long epoch;

    public CodeVerifier(SigningKeys keys, Generations generations, CodeProperties properties) {
        this.keys = keys;
        this.generations = generations;
        int capacity = properties.verifiedCacheSize();
        this.verified = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Valid> eldest) {
                return size() > capacity;
            }
        };
    }

    public CodeVerification verify(String token) {
        long startedAt;
        synchronized (this) {
            Valid cached = verified.get(token);
            if (cached != null) {
                return cached;
            }
            startedAt = epoch;
        }
        CodeVerification result = check(token);
        if (result instanceof Valid valid) {
            synchronized (this) {
                if (epoch == startedAt) {
                    verified.put(token, valid);
                }
            }
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

    @EventListener
    void on(VenueCodeReissued event) {
        forgetAll();
    }

    @EventListener
    void on(SigningKeyRetired event) {
        forgetAll();
    }

    private synchronized void forgetAll() {
        epoch++;
        verified.clear();
    }

    synchronized int cachedCount() {
        return verified.size();
    }
}
