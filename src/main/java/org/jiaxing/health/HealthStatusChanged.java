package org.jiaxing.health;

/**
 * Published when an official or the tracing module assigns a status. {@code from} is the colour that
 * was in effect (GREEN if the earlier status had expired).
 */
public record HealthStatusChanged(long personId, HealthColour from, HealthColour to, String reason) {
}
