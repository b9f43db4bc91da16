package org.jiaxing.tracing.domain;

import java.time.Instant;
import org.jiaxing.health.HealthColour;

/** A queued message to a re-coded person: their new status, why (the investigation), until when. */
public record Notification(long id, long personId, long investigationId, ContactLevel level, HealthColour colour,
        Instant until, Instant createdAt, Instant sentAt) {
}
