package org.jiaxing.checkin;

import java.time.Instant;

/**
 * Published after a new check-in was committed (duplicates publish nothing). Delivered on the
 * {@code checkin-events} thread in commit order, never on the writer thread: listeners cannot slow the
 * write path down, but a slow listener delays the ones after it, so keep them short or make them
 * {@code @Async}. Not durable: after a crash between commit and delivery the event is lost (counters
 * rebuild from the table), which is why nothing authoritative may depend on it.
 */
public record CheckinRecorded(long checkinId, long personId, long venueId, Instant at, boolean refused) {
}
