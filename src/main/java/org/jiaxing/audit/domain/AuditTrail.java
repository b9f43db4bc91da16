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
import org.jiaxing.audit.domain.AuditStore.Anchor;
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

    /**
     * Reads the chain in pages from the anchor up to the head as it was when the check started. A purge
     * that moves the anchor while the check runs removes entries it was about to read; then it starts over.
     */
    @Override
    @Transactional(readOnly = true)
    public ChainCheck verifyChain() {
        ChainCheck check;
        Anchor anchor;
        int attempts = 0;
        do {
            anchor = store.readAnchor();
            check = verifyFrom(anchor);
        } while (!check.isIntact() && !anchor.equals(store.readAnchor()) && ++attempts < 3);
        return check;
    }

    private ChainCheck verifyFrom(Anchor anchor) {
        Head head = store.readHead();
        long anchoredAt = anchor.sequence();
        long expectedSequence = anchoredAt + 1;
        String previousHash = anchor.hash();
        long checked = 0;
        List<Stored> page;
        do {
            page = store.page(expectedSequence - 1, head.sequence(), VERIFY_PAGE);
            for (Stored stored : page) {
                AuditRecord record = stored.record();
                checked++;
                if (record.sequence() != expectedSequence) {
                    return ChainCheck.brokenAt(checked, expectedSequence, Breakage.SEQUENCE_GAP, anchoredAt);
                }
                if (!stored.previousHash().equals(previousHash)) {
                    return ChainCheck.brokenAt(checked, record.sequence(), Breakage.LINK_MISMATCH, anchoredAt);
                }
                String recomputed = AuditHash.of(record.sequence(), previousHash, record.at(), record.entry());
                if (!recomputed.equals(record.hash())) {
                    return ChainCheck.brokenAt(checked, record.sequence(), Breakage.HASH_MISMATCH, anchoredAt);
                }
                previousHash = record.hash();
                expectedSequence++;
            }
        } while (page.size() == VERIFY_PAGE);
        if (expectedSequence - 1 != head.sequence() || !previousHash.equals(head.hash())) {
            return ChainCheck.brokenAt(checked, expectedSequence, Breakage.HEAD_MISMATCH, anchoredAt);
        }
        return ChainCheck.intact(checked, anchoredAt);
    }
}
