package org.jiaxing.code;

import java.time.Instant;

/**
 * A venue's current code.
 *
 * @param reissuedAt when the current generation was issued by a reissue; {@code null} for
 *                   generation 1, which exists from the venue's registration
 * @param reissuedBy username of whoever reissued it; {@code null} for generation 1
 */
public record IssuedCode(long venueId, int generation, int kid, String token, String url, Instant reissuedAt,
        String reissuedBy) {
}
