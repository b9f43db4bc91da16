package org.jiaxing.tracing.domain;

/**
 * A stay with what rule 1 needs to end it: the person's next check-in, read with the stay instead of with one
 * query per person.
 *
 * @param next       the person's first check-in (any venue) in a later second than {@code stay.in()} and before
 *                   {@code knownUntil}, epoch seconds; null when there is none
 * @param knownUntil how far {@code next} was looked for: with no next, a presence that would last beyond this
 *                   still needs the person's own check-ins
 */
public record FollowedStay(Stay stay, Long next, long knownUntil) {
}
