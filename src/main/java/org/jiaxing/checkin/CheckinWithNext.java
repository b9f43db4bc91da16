package org.jiaxing.checkin;

import java.time.Instant;

/**
 * A check-in with the time of the same person's next accepted check-in anywhere (see
 * {@link CheckinQueries#atVenueWithNext}), so that a reader can end a stay there without reading the person's
 * own check-ins.
 *
 * @param nextCheckinAt the next accepted check-in of the person in a later second, if there is one before the
 *                      query's horizon; otherwise null
 */
public record CheckinWithNext(Checkin checkin, Instant nextCheckinAt) {
}
