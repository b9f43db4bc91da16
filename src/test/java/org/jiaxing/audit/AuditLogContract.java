package org.jiaxing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jiaxing.audit.ChainCheck.Breakage;
import org.jiaxing.shared.persistence.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on both databases. Other tests of the same application context append too, so every test
 * here speaks about its own entries and leaves the chain intact when it ends.
 */
abstract class AuditLogContract {

    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired Database database;
    @Autowired TransactionTemplate transactions;

    private final String subject = UUID.randomUUID().toString();

    @Test
    void manyAppendsKeepTheChainIntactAndInOrder() {
        long before = audit.verifyChain().checkedEntries();
        for (int i = 0; i < 1_203; i++) {
            audit.record(entry("viewed " + i));
        }

        ChainCheck check = audit.verifyChain();

        assertThat(check.isIntact()).isTrue();
        assertThat(check.checkedEntries()).isEqualTo(before + 1_203);
        List<AuditRecord> mine = audit.forSubject("test", subject);
        assertThat(mine).hasSize(1_203);
        assertThat(mine.getFirst().reason()).isEqualTo("viewed 0");
        assertThat(mine.getLast().reason()).isEqualTo("viewed 1202");
        assertThat(mine).extracting(AuditRecord::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(mine.getFirst().hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void concurrentAppendsQueueUpInsteadOfForking() throws Exception {
        long before = audit.verifyChain().checkedEntries();
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.record(entry("thread " + t + " entry " + i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        ChainCheck check = audit.verifyChain();
        assertThat(check.isIntact()).isTrue();
        assertThat(check.checkedEntries()).isEqualTo(before + 100);
        assertThat(audit.forSubject("test", subject)).hasSize(100);
    }

    @Test
    void anEntryOfARolledBackTransactionLeavesNoTrace() {
        long before = audit.verifyChain().checkedEntries();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            audit.record(entry("never happened"));
            throw new IllegalStateException("the action failed");
        })).isInstanceOf(IllegalStateException.class);
        audit.record(entry("happened"));

        assertThat(audit.forSubject("test", subject)).extracting(AuditRecord::reason).containsExactly("happened");
        assertThat(audit.verifyChain()).isEqualTo(ChainCheck.intact(before + 1));
    }

    @Test
    void theDatabaseRefusesChangesAndDeletions() {
        audit.record(entry("kept"));
        long seq = audit.forSubject("test", subject).getFirst().sequence();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET reason = 'rewritten' WHERE seq = :seq")
                .param("seq", seq).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", seq).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(audit.forSubject("test", subject)).extracting(AuditRecord::reason).containsExactly("kept");
    }

    @Test
    void aChangedRowIsFoundEvenWhenTheTriggersWereDisabled() {
        audit.record(entry("first"));
        audit.record(entry("looked at the record"));
        audit.record(entry("third"));
        long tampered = audit.forSubject("test", subject).get(1).sequence();

        withoutTriggers(() -> jdbc.sql("UPDATE audit_entry SET reason = 'nothing to see' WHERE seq = :seq")
                .param("seq", tampered).update());
        try {
            ChainCheck check = audit.verifyChain();
            assertThat(check.isIntact()).isFalse();
            assertThat(check.firstBrokenSequence()).isEqualTo(tampered);
            assertThat(check.breakage()).isEqualTo(Breakage.HASH_MISMATCH);
        } finally {
            withoutTriggers(() -> jdbc.sql("UPDATE audit_entry SET reason = 'looked at the record' WHERE seq = :seq")
                    .param("seq", tampered).update());
        }
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aRecomputedHashDoesNotHideAChangeBecauseTheNextEntryLinksToTheOldOne() {
        audit.record(entry("a"));
        audit.record(entry("b"));
        AuditRecord first = audit.forSubject("test", subject).getFirst();

        withoutTriggers(() -> jdbc.sql("UPDATE audit_entry SET hash = :forged WHERE seq = :seq")
                .param("forged", "f".repeat(64)).param("seq", first.sequence()).update());
        try {
            ChainCheck check = audit.verifyChain();
            assertThat(check.firstBrokenSequence()).isEqualTo(first.sequence());
            assertThat(check.breakage()).isEqualTo(Breakage.HASH_MISMATCH);
        } finally {
            withoutTriggers(() -> jdbc.sql("UPDATE audit_entry SET hash = :hash WHERE seq = :seq")
                    .param("hash", first.hash()).param("seq", first.sequence()).update());
        }
    }

    @Test
    void aDeletedRowAndACutOffEndAreFound() {
        audit.record(entry("middle"));
        audit.record(entry("last"));
        List<AuditRecord> mine = audit.forSubject("test", subject);
        Map<String, Object> middle = row(mine.get(0).sequence());
        Map<String, Object> last = row(mine.get(1).sequence());

        withoutTriggers(() -> delete(middle));
        try {
            assertThat(audit.verifyChain().firstBrokenSequence()).isEqualTo(mine.get(0).sequence());
            assertThat(audit.verifyChain().breakage()).isEqualTo(Breakage.SEQUENCE_GAP);
        } finally {
            insert(middle);
        }
        withoutTriggers(() -> delete(last));
        try {
            ChainCheck check = audit.verifyChain();
            assertThat(check.breakage()).isEqualTo(Breakage.HEAD_MISMATCH);
            assertThat(check.firstBrokenSequence()).isEqualTo(mine.get(1).sequence());
        } finally {
            insert(last);
        }
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    private AuditEntry entry(String reason) {
        return AuditEntry.of("tester", "TEST_ACTION", "test", subject).withReason(reason).withDetail("id=42");
    }

    private Map<String, Object> row(long seq) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE seq = :seq").param("seq", seq).query().singleRow();
    }

    private void delete(Map<String, Object> row) {
        jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", row.get("seq")).update();
    }

    private void insert(Map<String, Object> row) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, recorded_at, actor, action, subject_type, subject_id, reason, detail,
                                         prev_hash, hash)
                VALUES (:seq, :recorded_at, :actor, :action, :subject_type, :subject_id, :reason, :detail,
                        :prev_hash, :hash)""").params(row).update();
    }

    /** What an attacker with the database owner's rights could do: switch the append-only guard off. */
    private void withoutTriggers(Runnable tampering) {
        if (database.isSqlite()) {
            jdbc.sql("DROP TRIGGER audit_entry_no_update").update();
            jdbc.sql("DROP TRIGGER audit_entry_no_delete").update();
            try {
                tampering.run();
            } finally {
                jdbc.sql("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
                        + "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END").update();
                jdbc.sql("CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
                        + "WHEN OLD.seq > (SELECT seq FROM audit_anchor WHERE id = 1) "
                        + "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END").update();
            }
        } else {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change").update();
            try {
                tampering.run();
            } finally {
                jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change").update();
            }
        }
    }
}
