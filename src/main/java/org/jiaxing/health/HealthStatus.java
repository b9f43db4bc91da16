package org.jiaxing.health;

import java.time.Instant;

/**
 * A person's status.
 *
 * @param reason why it was assigned; {@code null} for the default GREEN of someone never assigned a
 *               status, {@link #EXPIRED} when an earlier status ran out
 * @param since  when it took effect; {@code null} for the default GREEN
 * @param until  when it ends by itself; {@code null} for open-ended
 */
public record HealthStatus(long personId, HealthColour colour, String reason, Instant since, Instant until) {

    /** The reason of the GREEN that follows a status whose {@code until} has passed. */
    public static final String EXPIRED = "expired";

    public HealthStatus {
        if (colour == null) {
            throw new IllegalArgumentException("a health status has a colour");
        }
    }

    /** The status of everyone who was never assigned one. */
    public static HealthStatus greenByDefault(long personId) {
        return new HealthStatus(personId, HealthColour.GREEN, null, null, null);
    }

    /** Whether this status has run out at {@code now}. */
    public boolean expiredAt(Instant now) {
        return until != null && !now.isBefore(until);
    }

    /** This status as it stands at {@code now}: itself, or GREEN since its end if it has expired. */
    public HealthStatus at(Instant now) {
        return expiredAt(now) ? new HealthStatus(personId, HealthColour.GREEN, EXPIRED, until, null) : this;
    }

    public boolean refusesEntry() {
        return colour.refusesEntry();
    }
}
