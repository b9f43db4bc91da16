package org.jiaxing.tracing.domain;

/**
 * P = I(c) ∩ W: where and when a case was during their infectious window (epoch seconds, end exclusive).
 * The risk window of the venue is {@code [start, riskEnd)}, riskEnd = end + linger.
 */
public record CasePresence(long casePersonId, long checkinId, long venueId, long start, long end, long riskEnd) {
}
