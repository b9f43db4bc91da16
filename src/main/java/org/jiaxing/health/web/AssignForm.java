package org.jiaxing.health.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.InvalidHealthStatus;

/** The status form: text as typed; {@code until} is a {@code datetime-local} value in the city's zone. */
class AssignForm {

    private String colour;
    private String reason;
    private String until;

    /** @return the colour, or {@code null} when none (or an unknown one) was chosen, which assign reports */
    HealthColour parsedColour() {
        if (colour == null || colour.isBlank()) {
            return null;
        }
        try {
            return HealthColour.valueOf(colour);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the end as an instant, {@code null} for open-ended */
    Instant parsedUntil(ZoneId zone) {
        if (until == null || until.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(until.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidHealthStatus.of("until", "health.error.until.format");
        }
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }
}
