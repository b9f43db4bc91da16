/**
 * Check-ins: the write path (group commit through one writer, dedup, check-out), storage with
 * retention, and the queries tracing needs. Works with plain {@code long} person and venue ids.
 * API: {@link org.jiaxing.checkin.CheckinRecorder}, {@link org.jiaxing.checkin.CheckinQueries}, the in-memory
 * {@link org.jiaxing.checkin.PresenceIndex} (the same check-ins, kept by the writers), the records
 * {@link org.jiaxing.checkin.CheckinWithNext},
 * {@link org.jiaxing.checkin.NewCheckin}, {@link org.jiaxing.checkin.Checkin},
 * {@link org.jiaxing.checkin.CheckinResult}, event {@link org.jiaxing.checkin.CheckinRecorded}, and the
 * expected failures ({@link org.jiaxing.checkin.InvalidCheckin}, {@link org.jiaxing.checkin.CheckoutRefused},
 * {@link org.jiaxing.checkin.CheckinBackpressure}, {@link org.jiaxing.checkin.CheckinNotRecorded}).
 * Performance notes and figures: docs/PERFORMANCE.md.
 */
package org.jiaxing.checkin;
