package org.jiaxing.venue.domain;

/** What to do with a file that has bad rows. */
public enum ImportMode {
    /** Any bad row rejects the whole file: nothing is written (the default). */
    ALL_OR_NOTHING,
    /** Write the valid rows and report the rest; only when the user explicitly chooses it. */
    VALID_ONLY
}
