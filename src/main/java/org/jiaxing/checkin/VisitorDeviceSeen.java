package org.jiaxing.checkin;

import java.time.Instant;

/**
 * A visitor's own phone checked them in (the scan page, not a companion or staff). Published by the scan
 * page so that the dashboard can notice one device used for many identities.
 *
 * @param deviceHash keyed hash (HMAC-SHA256, truncated) of the browser's random device cookie; the cookie
 *                   itself never leaves the check-in module
 */
public record VisitorDeviceSeen(String deviceHash, long personId, long venueId, long checkinId, Instant at) {
}
