package org.jiaxing.project.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.stereotype.Component;

/** "Today" and working days in the city's zone, from the injected clock. Working days are Monday to Friday. */
@Component
public class ProjectTime {

    private final Clock clock;
    private final ZoneId zone;

    public ProjectTime(Clock clock, JiaxingProperties platform) {
        this.clock = clock;
        this.zone = platform.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    public ZonedDateTime localNow() {
        return clock.instant().atZone(zone);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The working day before {@code day}. */
    public static LocalDate previousWorkingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** Working days after {@code since} up to and including {@code until} (0 when since is not before until). */
    public static int workingDaysBetween(LocalDate since, LocalDate until) {
        int count = 0;
        for (LocalDate d = since.plusDays(1); !d.isAfter(until); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
