package org.jiaxing.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.audit.ChainCheck;
import org.jiaxing.audit.ChainCheck.Breakage;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit retention purge on both databases (and as the application role without DDL rights). The clock
 * only moves forward, by more than the retention per test, so each test purges whatever the tests before
 * it left and then speaks about its own entries.
 */
@AutoConfigureMockMvc
abstract class AuditRetentionContract {

    /** jiaxing.audit.retention in these tests, with a chunk of 7 entries so purges take several chunks. */
    static final Duration RETENTION = Duration.ofDays(365);
    static final String PROPERTIES = "jiaxing.audit.retention=365d";
    static final String CHUNK = "jiaxing.audit.purge-chunk=7";

    @Autowired AuditLog audit;
    @Autowired AuditRetention retention;
    @Autowired AuditStore store;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;

    private final String subject = UUID.randomUUID().toString();

    @Test
    void oldEntriesGoAndTheChainStillVerifiesFromTheAnchor() {
        clock.advance(RETENTION.plusDays(1));
        retention.purge();
        for (int i = 0; i < 20; i++) {
            audit.record(entry("old " + i));
        }
        List<AuditRecord> old = mine();
        clock.advance(RETENTION.minusDays(1));
        audit.record(entry("recent"));

        assertThat(retention.purge()).isZero();
        clock.advance(Duration.ofDays(2));
        long removed = retention.purge();

        // with what earlier tests (and the purge entries of earlier purges) left
        assertThat(removed).isGreaterThanOrEqualTo(20);
        assertThat(mine()).extracting(AuditRecord::reason).containsExactly("recent");
        ChainCheck check = audit.verifyChain();
        assertThat(check.isIntact()).isTrue();
        assertThat(check.anchoredAt()).isEqualTo(old.getLast().sequence());
        assertThat(store.readAnchor().hash()).isEqualTo(old.getLast().hash());
        List<AuditRecord> purges = audit.forSubject("audit", Long.toString(old.getLast().sequence()));
        assertThat(purges).hasSize(1);
        assertThat(purges.getFirst().action()).isEqualTo("AUDIT_RETENTION_PURGE");
        assertThat(purges.getFirst().detail()).contains("anchor=" + old.getLast().hash());
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_anchor SET seq = 0, hash = :genesis WHERE id = 1")
                .param("genesis", AuditHash.GENESIS).update()).isInstanceOf(DataAccessException.class);
        assertThat(store.readAnchor().sequence()).isEqualTo(old.getLast().sequence());
        StaffUser admin = new StaffUser(1, "admin", "管理员", Role.CITY_ADMIN, null, Set.of(), true, "{noop}x");
        assertThat(mvc.get().uri("/api/v1/audit/verify").with(user(admin))).hasStatusOk().bodyJson()
                .extractingPath("$.intact").isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/audit/verify").with(user(admin))).bodyJson().extractingPath("$.anchoredAt")
                .convertTo(Long.class).isEqualTo(old.getLast().sequence());
    }

    @Test
    void anEntryAfterTheAnchorThatWasChangedIsStillFound() {
        clock.advance(RETENTION.plusDays(1));
        audit.record(entry("will go"));
        clock.advance(RETENTION.plusDays(1));
        retention.purge();
        audit.record(entry("stays"));
        AuditRecord stays = mine().getLast();
        assertThat(audit.verifyChain().isIntact()).isTrue();

        // the first entry after the anchor must link to the anchor's hash, not to anything
        ChainCheck check = verifyWithAnchorHash("e".repeat(64));

        assertThat(check.isIntact()).isFalse();
        assertThat(check.firstBrokenSequence()).isEqualTo(store.readAnchor().sequence() + 1);
        assertThat(check.breakage()).isEqualTo(Breakage.LINK_MISMATCH);
        assertThat(stays.reason()).isEqualTo("stays");
    }

    @Test
    void theDatabaseDeletesOnlyWhatTheAnchorCoversAndMovesTheAnchorOnlyForward() {
        clock.advance(RETENTION.plusDays(1));
        audit.record(entry("a"));
        audit.record(entry("b"));
        List<AuditRecord> mine = mine();
        long anchored = store.readAnchor().sequence();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq")
                .param("seq", mine.getFirst().sequence()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_anchor SET seq = :seq, hash = :hash WHERE id = 1")
                .param("seq", mine.getFirst().sequence()).param("hash", "f".repeat(64)).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_anchor").update())
                .isInstanceOf(DataAccessException.class);

        assertThat(store.readAnchor().sequence()).isEqualTo(anchored);
        assertThat(mine()).hasSize(2);
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aPurgeOfNothingLeavesNoEntry() {
        clock.advance(RETENTION.plusDays(1));
        retention.purge();
        long anchored = store.readAnchor().sequence();
        long entries = audit.verifyChain().checkedEntries();

        assertThat(retention.purge()).isZero();

        assertThat(store.readAnchor().sequence()).isEqualTo(anchored);
        assertThat(audit.verifyChain().checkedEntries()).isEqualTo(entries);
    }

    /** The check as it would run if the anchor named another hash; the stored anchor is left alone. */
    private ChainCheck verifyWithAnchorHash(String hash) {
        AuditStore.Anchor real = store.readAnchor();
        AuditStore forged = new AuditStore(jdbc, null) {
            @Override
            Anchor readAnchor() {
                return new Anchor(real.sequence(), hash);
            }
        };
        return new AuditTrail(forged, clock).verifyChain();
    }

    private AuditEntry entry(String reason) {
        return AuditEntry.of("tester", "TEST_ACTION", "test", subject).withReason(reason);
    }

    private List<AuditRecord> mine() {
        return audit.forSubject("test", subject);
    }
}
