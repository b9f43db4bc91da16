package org.jiaxing.audit.domain;

import java.time.Clock;
import java.time.Instant;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.domain.AuditStore.Anchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes, nightly, the audit entries older than {@code jiaxing.audit.retention} (five years by default).
 * Only the oldest unbroken run is removed, and the anchor moves to its last entry in the same transaction,
 * so {@link AuditLog#verifyChain()} still verifies the rest from that hash. Each chunk records an
 * {@code AUDIT_RETENTION_PURGE} entry naming the new anchor, so the trail itself says what was removed.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditProperties properties;

    AuditRetention(AuditStore store, AuditLog audit, TransactionTemplate transactions, Clock clock,
            AuditProperties properties) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(cron = "${jiaxing.audit.purge-cron:0 37 3 * * *}", zone = "${jiaxing.zone:Asia/Shanghai}")
    void nightly() {
        purge();
    }

    /** Removes the entries recorded before now minus the retention, chunk by chunk; returns how many. */
    long purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.retention());
        long removed = 0;
        long chunk;
        do {
            chunk = transactions.execute(status -> purgeChunk(cutoff, now));
            removed += chunk;
        } while (chunk == properties.purgeChunk());
        log.info("Audit retention: {} entries removed (recorded before {}); the chain verifies from entry {}",
                removed, cutoff, store.readAnchor().sequence());
        return removed;
    }

    private long purgeChunk(Instant cutoff, Instant now) {
        long removed = store.purgeBefore(cutoff, now, properties.purgeChunk());
        if (removed > 0) {
            Anchor anchor = store.readAnchor();
            audit.record(new AuditEntry("system", "AUDIT_RETENTION_PURGE", "audit", Long.toString(anchor.sequence()),
                    "retention " + properties.retention(),
                    "removed=" + removed + " before=" + cutoff + " anchor=" + anchor.hash()));
        }
        return removed;
    }
}
