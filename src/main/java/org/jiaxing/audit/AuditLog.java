package org.jiaxing.audit;

import java.util.List;

/**
 * The audit trail. Appending joins the caller's transaction, so an action and its audit entry are
 * committed together or not at all.
 */
public interface AuditLog {

    /** Appends an entry at the end of the chain, stamped with the injected clock's time. */
    void record(AuditEntry entry);

    /** Every entry about one subject, oldest first ("who looked at my data"). */
    List<AuditRecord> forSubject(String subjectType, String subjectId);

    /**
     * Recomputes every hash from the anchor (the last entry the retention purge removed, or the start) on
     * and reports the first entry that does not fit.
     */
    ChainCheck verifyChain();
}
