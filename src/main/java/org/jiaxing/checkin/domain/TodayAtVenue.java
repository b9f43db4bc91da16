package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.stereotype.Service;

/** Today's entrants at one venue, for its console: newest first, masked, with counts per hour. */
@Service
public class TodayAtVenue {

    private final CheckinQueries checkins;
    private final Persons persons;
    private final HealthStatuses health;
    private final Clock clock;
    private final ZoneId zone;

    TodayAtVenue(CheckinQueries checkins, Persons persons, HealthStatuses health, Clock clock,
            JiaxingProperties platform) {
        this.checkins = checkins;
        this.persons = persons;
        this.health = health;
        this.clock = clock;
        this.zone = platform.zone();
    }

    public Today of(long venueId) {
        Instant now = clock.instant();
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        List<Checkin> found = checkins.atVenue(venueId, midnight, now.plusSeconds(1)).reversed();
        List<Long> ids = found.stream().map(Checkin::personId).distinct().toList();
        Map<Long, Person> people = persons.find(ids);
        Map<Long, HealthStatus> statuses = health.current(ids);
        List<Entrant> entrants = found.stream()
                .map(c -> new Entrant(c, people.get(c.personId()), statuses.get(c.personId()))).toList();
        int[] perHour = new int[24];
        found.forEach(c -> perHour[c.checkedInAt().atZone(zone).getHour()]++);
        return new Today(entrants, perHour);
    }

    /** One row of the console. */
    public record Entrant(Checkin checkin, Person person, HealthStatus status) {
    }

    public record Today(List<Entrant> entrants, int[] perHour) {

        public long admitted() {
            return entrants.stream().filter(e -> !e.checkin().refused()).count();
        }

        public List<Entrant> refused() {
            return entrants.stream().filter(e -> e.checkin().refused()).toList();
        }

        public int busiestHour() {
            int max = 1;
            for (int count : perHour) {
                max = Math.max(max, count);
            }
            return max;
        }
    }
}
