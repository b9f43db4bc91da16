package org.jiaxing.tracing.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jiaxing.health.HealthColour;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of precise tracing.
 *
 * @param fourEyes           identities of contacts only after a second official approved the request
 * @param maxStay            how far before a window check-ins are read (at least the longest dwell is used):
 *                           a presence with a check-out later than this after its check-in is found only
 *                           if it also started within this
 * @param maxCases           most cases one investigation may have (a CSV of a cluster)
 * @param closeColour        status given to CLOSE contacts on apply, for {@code closeFor}
 * @param secondaryColour    status given to SECONDARY contacts, for {@code secondaryFor}
 * @param exposedColour      status given to EXPOSED persons, for {@code exposedFor}
 * @param notifyInterval     how often queued notifications are handed to the sender
 * @param applyChunk         contacts re-coded per transaction on apply (each is ~7 statements; on SQLite the
 *                           check-ins wait for the write lock while one chunk is written)
 */
@Validated
@ConfigurationProperties("jiaxing.tracing")
public record TracingProperties(
        @DefaultValue("true") boolean fourEyes,
        @NotNull @DefaultValue("24h") Duration maxStay,
        @Min(1) @Max(10_000) @DefaultValue("1000") int maxCases,
        @NotNull @DefaultValue("RED") HealthColour closeColour,
        @NotNull @DefaultValue("10d") Duration closeFor,
        @NotNull @DefaultValue("YELLOW") HealthColour secondaryColour,
        @NotNull @DefaultValue("7d") Duration secondaryFor,
        @NotNull @DefaultValue("YELLOW") HealthColour exposedColour,
        @NotNull @DefaultValue("3d") Duration exposedFor,
        @NotNull @DefaultValue("30s") Duration notifyInterval,
        @Min(1) @Max(10_000) @DefaultValue("100") int applyChunk) {

    public HealthColour colourFor(ContactLevel level) {
        return switch (level) {
            case CLOSE -> closeColour;
            case SECONDARY -> secondaryColour;
            case EXPOSED -> exposedColour;
        };
    }

    public Duration durationFor(ContactLevel level) {
        return switch (level) {
            case CLOSE -> closeFor;
            case SECONDARY -> secondaryFor;
            case EXPOSED -> exposedFor;
        };
    }
}
