package org.jiaxing.checkin.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One audit entry per import that got as far as checking its rows, written or not: who, which file (its
 * name and SHA-256, so the very file can be identified later) and the counts. No personal data.
 *
 * <p>Written after the check-ins committed, in its own transaction: the check-ins are committed by the
 * writer thread, which cannot join the request's transaction. If the entry cannot be written, the import
 * stands (telling the user it failed would invite a second import) and the failure is logged.
 */
@Component
class ImportAudit {

    static final String ACTION = "CHECKIN_IMPORT";
    static final String SUBJECT_TYPE = "checkin-file";
    private static final int MAX_FILENAME = 200;
    private static final Logger log = LoggerFactory.getLogger(ImportAudit.class);

    private final AuditLog audit;

    ImportAudit(AuditLog audit) {
        this.audit = audit;
    }

    void imported(StaffUser by, String filename, byte[] content, CheckinImportReport report) {
        String detail = "file=" + filename(filename) + " rows=" + report.rows() + " imported=" + report.imported()
                + " duplicates=" + report.duplicates() + " rejected=" + report.rejected() + " applied="
                + report.applied();
        try {
            audit.record(new AuditEntry(by.getUsername(), ACTION, SUBJECT_TYPE, sha256(content), null, detail));
        } catch (RuntimeException e) {
            log.error("The audit entry of a check-in import by staff user {} could not be written ({} rows, applied={})",
                    by.id(), report.rows(), report.applied(), e);
        }
    }

    /** The last path segment (some browsers send the whole path), without control characters, cut short. */
    static String filename(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\s]+", "_");
        return name.length() <= MAX_FILENAME ? name : name.substring(0, MAX_FILENAME);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
