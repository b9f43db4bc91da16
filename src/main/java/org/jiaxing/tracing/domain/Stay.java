package org.jiaxing.tracing.domain;

/**
 * A check-in as the contact rules see it, times in epoch seconds.
 *
 * @param out the recorded check-out, or {@code null}
 */
public record Stay(long checkinId, long personId, long venueId, long in, Long out) {
}
