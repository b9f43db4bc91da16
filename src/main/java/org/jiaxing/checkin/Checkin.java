package org.jiaxing.checkin;

import java.time.Instant;

/**
 * A recorded check-in.
 *
 * @param checkedOutAt when the person checked out, or null
 * @param lastSeenAt   the latest scan that was folded into this check-in as a duplicate (the stay was
 *                     extended to at least this time), or null when there was none
 */
public record Checkin(long id, long personId, long venueId, Instant checkedInAt, Instant checkedOutAt,
        Instant lastSeenAt, boolean refused, CheckinChannel channel) {

    /** The shape without {@code lastSeenAt}, for check-ins that were never extended. */
    public Checkin(long id, long personId, long venueId, Instant checkedInAt, Instant checkedOutAt, boolean refused,
            CheckinChannel channel) {
        this(id, personId, venueId, checkedInAt, checkedOutAt, null, refused, channel);
    }

    public boolean checkedOut() {
        return checkedOutAt != null;
    }

    /** The latest moment the person is known to have been at the venue. */
    public Instant lastKnownPresence() {
        Instant latest = checkedInAt;
        if (lastSeenAt != null && lastSeenAt.isAfter(latest)) {
            latest = lastSeenAt;
        }
        if (checkedOutAt != null && checkedOutAt.isAfter(latest)) {
            latest = checkedOutAt;
        }
        return latest;
    }
}
