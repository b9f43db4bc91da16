package org.jiaxing.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param checkedEntries      how many entries were read
 * @param firstBrokenSequence the first entry that does not fit the chain, {@code null} when intact
 * @param breakage            what is wrong there, {@code null} when intact
 */
public record ChainCheck(long checkedEntries, Long firstBrokenSequence, Breakage breakage) {

    public enum Breakage {
        /** The entry's fields no longer give its stored hash: the row was changed. */
        HASH_MISMATCH,
        /** The entry does not point at the hash of the entry before it: a row was removed or replaced. */
        LINK_MISMATCH,
        /** A sequence number is missing: a row was deleted. */
        SEQUENCE_GAP,
        /** The last entry is not the one the chain head names: entries at the end were removed or added. */
        HEAD_MISMATCH
    }

    public static ChainCheck intact(long checkedEntries) {
        return new ChainCheck(checkedEntries, null, null);
    }

    public static ChainCheck brokenAt(long checkedEntries, long sequence, Breakage breakage) {
        return new ChainCheck(checkedEntries, sequence, breakage);
    }

    public boolean isIntact() {
        return firstBrokenSequence == null;
    }
}
