package org.jiaxing.tracing.domain;

/**
 * Why a person is a contact: one of their check-ins overlapped a case presence (CLOSE, EXPOSED) or a close
 * contact's presence after exposure (SECONDARY), at {@code venueId} during {@code [from, to)} (epoch seconds).
 *
 * @param casePersonId the case the chain starts from
 * @param viaPersonId  for SECONDARY, the close contact it came through; otherwise {@code null}
 */
public record Evidence(ContactLevel kind, long venueId, long from, long to, long casePersonId, Long viaPersonId,
        long checkinId) {

    public long seconds() {
        return to - from;
    }
}
