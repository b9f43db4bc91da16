package org.jiaxing.audit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.audit.ChainCheck;
import org.jiaxing.audit.ChainCheck.Breakage;
import org.jiaxing.audit.domain.AuditStore.Head;
import org.jiaxing.audit.domain.AuditStore.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and checks the hash chain.
 *
 * <p>Appends are serialized by the database, not by a Java monitor: {@link AuditStore#claimNext()}
 * locks the chain head until the (caller's) transaction commits. A {@code synchronized} method would
 * release its monitor before that commit, so it could not stop a fork by itself, and holding a Java
 * lock while waiting for a database lock could deadlock with a caller that appends twice in one
 * transaction, where the database's own deadlock detection cannot see it.
 */
@Service
@Transactional
class AuditTrail implements AuditLog {

    private static final int VERIFY_PAGE = 1000;

    private final AuditStore store;
    private final Clock clock;

    AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        Head previous = store.claimNext();
        long sequence = previous.sequence();
        // the database keeps milliseconds; hash exactly what is stored so verification can recompute it
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.append(sequence, at, entry, previous.hash(), AuditHash.of(sequence, previous.hash(), at, entry));
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<AuditRecord> forSubject(String subjectType, String subjectId) {
        return store.forSubject(subjectType, subjectId);
    }

    /** Reads the chain in pages up to the head as it was when the check started. */
    @Override
    @Transactional(readOnly = true)
    public ChainCheck verifyChain() {
        Head head = store.readHead();
        long expectedSequence = 1;
        String previousHash = AuditHash.GENESIS;
        long checked = 0;
        List<Stored> page;
        do {
            page = store.page(expectedSequence - 1, head.sequence(), VERIFY_PAGE);
            for (Stored stored : page) {
                AuditRecord record = stored.record();
                checked++;
                if (record.sequence() != expectedSequence) {
                    return ChainCheck.brokenAt(checked, expectedSequence, Breakage.SEQUENCE_GAP);
                }
                if (!stored.previousHash().equals(previousHash)) {
                    return ChainCheck.brokenAt(checked, record.sequence(), Breakage.LINK_MISMATCH);
                }
                String recomputed = AuditHash.of(record.sequence(), previousHash, record.at(), record.entry());
                if (!recomputed.equals(record.hash())) {
                    return ChainCheck.brokenAt(checked, record.sequence(), Breakage.HASH_MISMATCH);
                }
                previousHash = record.hash();
                expectedSequence++;
            }
        } while (page.size() == VERIFY_PAGE);
        if (expectedSequence - 1 != head.sequence() || !previousHash.equals(head.hash())) {
            return ChainCheck.brokenAt(checked, expectedSequence, Breakage.HEAD_MISMATCH);
        }
        return ChainCheck.intact(checked);
    }
}
