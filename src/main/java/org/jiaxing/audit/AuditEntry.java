package org.jiaxing.audit;

/**
 * What happened, as the caller reports it. Never put personal data in clear text here: name ids and
 * masked values instead (the trail is kept longer than the data it talks about).
 *
 * @param actor       username of the staff member, or {@code system} for automatic actions
 * @param action      what was done, upper-case ({@code PERSON_REVEAL}, {@code HEALTH_STATUS_CHANGE})
 * @param subjectType kind of thing it was done to ({@code person})
 * @param subjectId   id of that thing
 * @param reason      why, as given by the actor; may be {@code null}
 * @param detail      machine-readable specifics ({@code GREEN->RED}); may be {@code null}
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId, String reason,
        String detail) {

    public static final int MAX_ACTOR = 64;
    public static final int MAX_ACTION = 64;
    public static final int MAX_SUBJECT_TYPE = 32;
    public static final int MAX_SUBJECT_ID = 64;
    public static final int MAX_REASON = 500;
    public static final int MAX_DETAIL = 1000;

    /** Broken entries are programming errors, not user input: callers check the reason's length first. */
    public AuditEntry {
        require("actor", actor, MAX_ACTOR);
        require("action", action, MAX_ACTION);
        require("subjectType", subjectType, MAX_SUBJECT_TYPE);
        require("subjectId", subjectId, MAX_SUBJECT_ID);
        limit("reason", reason, MAX_REASON);
        limit("detail", detail, MAX_DETAIL);
    }

    public static AuditEntry of(String actor, String action, String subjectType, String subjectId) {
        return new AuditEntry(actor, action, subjectType, subjectId, null, null);
    }

    public static AuditEntry of(String actor, String action, String subjectType, long subjectId, String reason,
            String detail) {
        return new AuditEntry(actor, action, subjectType, Long.toString(subjectId), reason, detail);
    }

    public AuditEntry withReason(String newReason) {
        return new AuditEntry(actor, action, subjectType, subjectId, newReason, detail);
    }

    public AuditEntry withDetail(String newDetail) {
        return new AuditEntry(actor, action, subjectType, subjectId, reason, newDetail);
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs " + field);
        }
        limit(field, value, max);
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("audit " + field + " longer than " + max + " characters");
        }
    }
}
