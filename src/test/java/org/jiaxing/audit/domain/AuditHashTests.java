package org.jiaxing.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jiaxing.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditHashTests {

    private static final Instant AT = Instant.parse("2026-03-01T02:03:04.005Z");
    private static final AuditEntry ENTRY = new AuditEntry("tracer-1", "PERSON_REVEAL", "person", "42", "case 7", "x");

    @Test
    void isAStableLowerCaseHexSha256() {
        String hash = AuditHash.of(1, AuditHash.GENESIS, AT, ENTRY);

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(AuditHash.of(1, AuditHash.GENESIS, AT, ENTRY));
    }

    @Test
    void everyFieldCounts() {
        String hash = AuditHash.of(1, AuditHash.GENESIS, AT, ENTRY);

        assertThat(AuditHash.of(2, AuditHash.GENESIS, AT, ENTRY)).isNotEqualTo(hash);
        assertThat(AuditHash.of(1, "1".repeat(64), AT, ENTRY)).isNotEqualTo(hash);
        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT.plusMillis(1), ENTRY)).isNotEqualTo(hash);
        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT, ENTRY.withReason("case 8"))).isNotEqualTo(hash);
        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT, ENTRY.withDetail("y"))).isNotEqualTo(hash);
        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT,
                new AuditEntry("tracer-2", "PERSON_REVEAL", "person", "42", "case 7", "x"))).isNotEqualTo(hash);
    }

    @Test
    void shiftingTextBetweenFieldsOrLeavingOneOutChangesTheHash() {
        AuditEntry split = new AuditEntry("a", "B", "person", "42", "r|", "d");
        AuditEntry shifted = new AuditEntry("a", "B", "person", "42", "r", "|d");
        AuditEntry empty = new AuditEntry("a", "B", "person", "42", "", null);
        AuditEntry missing = new AuditEntry("a", "B", "person", "42", null, "");

        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT, split))
                .isNotEqualTo(AuditHash.of(1, AuditHash.GENESIS, AT, shifted));
        assertThat(AuditHash.of(1, AuditHash.GENESIS, AT, empty))
                .isNotEqualTo(AuditHash.of(1, AuditHash.GENESIS, AT, missing));
    }
}
