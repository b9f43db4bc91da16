package org.jiaxing.code;

import org.jiaxing.account.StaffUser;

/** Issuing and verifying venue codes. The scan flow (check-in) uses {@link #verify(String)}. */
public interface VenueCodes {

    /**
     * The venue's current code: its generation, signed with the current key. Deterministic (Ed25519),
     * so the same generation and key always give the same token. No scope check: callers decide who
     * may see it.
     */
    IssuedCode current(long venueId);

    /** The URL a QR code of the venue holds: {@code {public-base-url}/c/{token}}. */
    default String issueUrl(long venueId) {
        return current(venueId).url();
    }

    /** Checks any string a visitor's phone may send; never throws, whatever the input. */
    CodeVerification verify(String token);

    /**
     * Withdraws the venue's current code and issues the next generation; older posters then show
     * "withdrawn". Only CITY_ADMIN or the TOWN_ADMIN of the venue's town may do this.
     */
    IssuedCode reissue(long venueId, StaffUser by);
}
