package org.jiaxing.code;

/**
 * The outcome of checking a scanned token. Every input maps to exactly one of these; verification
 * never throws.
 */
public sealed interface CodeVerification {

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** Signed by an active key and of the venue's current generation. */
    record Valid(long venueId, int generation, int kid) implements CodeVerification {
    }

    /** Not a code we issued, or no longer acceptable; the reason is for logs and tests, not for visitors. */
    record Invalid(Reason reason) implements CodeVerification {
    }

    /** Well-formed, but names a key id this server never had. */
    record UnknownKey(int kid) implements CodeVerification {
    }

    /** Genuine, but the venue's code was reissued since: an old poster. */
    record Withdrawn(long venueId, int generation, int currentGeneration) implements CodeVerification {
    }

    enum Reason {
        /** Not base64url, wrong length, bad field encoding, non-canonical form. */
        MALFORMED,
        /** A format version this server does not know. */
        UNSUPPORTED_VERSION,
        /** The signature does not match the content: tampered or forged. */
        BAD_SIGNATURE,
        /** Signed by a key that was retired (e.g. suspected leak). */
        RETIRED_KEY,
        /** A generation newer than the venue's current one (never issued here). */
        UNKNOWN_GENERATION
    }
}
