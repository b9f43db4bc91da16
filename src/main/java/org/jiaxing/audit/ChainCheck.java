package org.jiaxing.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param checkedEntries      how many entries were read
 * @param firstBrokenSequence the first entry that does not fit the chain, {@code null} when intact
 * @param breakage            what is wrong there, {@code null} when intact
 * @param anchoredAt          the last entry removed by the retention purge (0 when none was): the check
 *                            starts after it, from the hash it had
 */
public record ChainCheck(long checkedEntries, Long firstBrokenSequence, Breakage breakage, long anchoredAt) {

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
        return intact(checkedEntries, 0);
    }

    public static ChainCheck intact(long checkedEntries, long anchoredAt) {
        return new ChainCheck(checkedEntries, null, null, anchoredAt);
    }

    public static ChainCheck brokenAt(long checkedEntries, long sequence, Breakage breakage, long anchoredAt) {
        return new ChainCheck(checkedEntries, sequence, breakage, anchoredAt);
    }

    public boolean isIntact() {
        return firstBrokenSequence == null;
    }
}
