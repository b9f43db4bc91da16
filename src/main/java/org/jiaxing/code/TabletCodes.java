package org.jiaxing.code;

import org.jiaxing.account.StaffUser;

/**
 * Rotating codes for entrance tablets. A printed poster can be photographed and scanned from anywhere
 * (people "checked in" to a zoo from home); a venue in tablet mode shows a code that changes every
 * {@link #STEP_SECONDS} seconds, and a scan of a code older than two steps is refused. Venues without
 * tablet mode keep using their printed posters.
 */
public interface TabletCodes {

    int STEP_SECONDS = 30;

    /** Steps a scanned rotating code may be old when the scan opens the page. */
    int SCAN_STEPS = 2;

    boolean enabled(long venueId);

    void enable(long venueId, StaffUser by);

    void disable(long venueId, StaffUser by);

    /** The URL the tablet shows right now: the venue's signed code plus a time stamp. */
    String currentUrl(long venueId);

    /** Whether {@code stamp} (the {@code t} parameter) is genuine for the venue and at most {@code steps} old. */
    boolean fresh(long venueId, String stamp, int steps);
}
