package org.jiaxing.audit;

import java.time.Instant;

/**
 * A stored audit entry: the entry's fields plus its place in the chain.
 *
 * @param sequence 1, 2, 3 … without gaps
 * @param at       when it was recorded (millisecond precision, as stored)
 * @param hash     SHA-256 (hex) of the previous entry's hash and this entry's fields
 */
public record AuditRecord(long sequence, Instant at, String actor, String action, String subjectType,
        String subjectId, String reason, String detail, String hash) {

    public AuditEntry entry() {
        return new AuditEntry(actor, action, subjectType, subjectId, reason, detail);
    }
}
