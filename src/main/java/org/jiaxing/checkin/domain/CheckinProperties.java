package org.jiaxing.checkin.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the check-in module.
 *
 * @param dedupWindow     a scan by the same person at the same venue less than this after their
 *                        check-in is a duplicate (no new record, the stay is extended)
 * @param retention       check-ins older than this are deleted by the daily purge
 * @param batchSize       most rows one group-commit transaction writes
 * @param queueCapacity   most requests waiting for the writer; beyond it callers get 503 at once
 * @param ackTimeout      how long a caller waits for its commit before it gets 503
 * @param maxClockSkew    how far in the future a check-in time may be (device and server clocks differ)
 * @param recentCapacity  most (person, venue) pairs the in-memory dedup index holds; the oldest go
 *                        first when full (dedup then falls back to "new record", never to a wrong merge)
 * @param purgeChunk      rows one delete statement of the purge removes (short locks on SQLite)
 * @param partitionsAhead days of PostgreSQL partitions created ahead of today
 * @param gatherInterval  under load, the writer starts a transaction at most this often, so that each
 *                        commit (one fsync) carries more check-ins; zero commits as soon as anything waits
 *                        (default 3 ms, docs/DECISIONS.md 44).
 *                        A check-in that arrives after a quiet spell never waits for it (see
 *                        {@code GroupCommitRecorder})
 */
@Validated
@ConfigurationProperties("jiaxing.checkin")
public record CheckinProperties(
        @NotNull @DefaultValue("30m") Duration dedupWindow,
        @NotNull @DefaultValue("28d") Duration retention,
        @Min(1) @Max(10_000) @DefaultValue("512") int batchSize,
        @Min(1) @DefaultValue("8192") int queueCapacity,
        @NotNull @DefaultValue("10s") Duration ackTimeout,
        @NotNull @DefaultValue("5m") Duration maxClockSkew,
        @Min(1_000) @DefaultValue("2000000") int recentCapacity,
        @Min(1) @DefaultValue("5000") int purgeChunk,
        @Min(1) @DefaultValue("7") int partitionsAhead,
        @NotNull @DefaultValue("3ms") Duration gatherInterval) {

    public CheckinProperties {
        if (gatherInterval != null && (gatherInterval.isNegative() || gatherInterval.compareTo(Duration.ofSeconds(1)) > 0)) {
            throw new IllegalArgumentException("jiaxing.checkin.gather-interval must be between 0 and 1s");
        }
    }
}
