package org.jiaxing.dashboard.domain;

/** What a fraud flag says. */
public enum FlagKind {
    /** A check-in outside the venue's opening hours (with grace). */
    OUTSIDE_HOURS,
    /** A check-in in the middle of the night at a venue without opening hours. */
    NIGHT,
    /** More scans at one venue in one minute than it could admit. */
    BURST,
    /** One person at two venues farther apart than they could have travelled in the time between. */
    IMPOSSIBLE_TRAVEL,
    /** One device checking in many identities. */
    SHARED_DEVICE
}
