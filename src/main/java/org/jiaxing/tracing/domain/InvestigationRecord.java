package org.jiaxing.tracing.domain;

import java.time.Instant;

/** An investigation's header: who opened it, why, for which reference time, and where its reveal and apply stand. */
public record InvestigationRecord(long id, String reason, Instant asOf, String openedBy, Instant openedAt,
        int closeCount, int secondaryCount, int exposedCount, RevealState revealState, String revealRequestedBy,
        Instant revealRequestedAt, String revealReason, String revealApprovedBy, Instant revealApprovedAt,
        String appliedBy, Instant appliedAt) {

    public enum RevealState { NONE, REQUESTED, APPROVED }

    public boolean applied() {
        return appliedAt != null;
    }

    /** Whether this official may see the contacts' identities now. */
    public boolean revealedTo(String username) {
        return revealState == RevealState.APPROVED && username.equals(revealRequestedBy);
    }

    public int total() {
        return closeCount + secondaryCount + exposedCount;
    }
}
