package org.jiaxing.audit.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail.
 *
 * @param retention  entries older than this are removed by the nightly purge; the chain keeps verifying
 *                   from an anchor (the hash of the last removed entry). At least 30 days: the trail must
 *                   outlive the check-ins and persons it speaks about
 * @param purgeChunk most entries one purge transaction removes (short locks on SQLite)
 */
@Validated
@ConfigurationProperties("jiaxing.audit")
public record AuditProperties(
        @NotNull @DefaultValue("1825d") Duration retention,
        @Min(1) @Max(100_000) @DefaultValue("5000") int purgeChunk) {

    public AuditProperties {
        if (retention != null && retention.compareTo(Duration.ofDays(30)) < 0) {
            throw new IllegalArgumentException("jiaxing.audit.retention must be at least 30 days, was " + retention);
        }
    }
}
