package org.jiaxing.checkin;

/**
 * What recording a check-in did.
 *
 * @param checkin   the new check-in, or for a duplicate the existing one (with its stay extended)
 * @param duplicate the same person was already checked in at the venue within the dedup window, so no
 *                  new record was made ("已于 10:02 登记")
 */
public record CheckinResult(Checkin checkin, boolean duplicate) {
}
