package org.jiaxing.dashboard.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.jiaxing.health.HealthColour;

/**
 * Counts collected in memory before they are added to the rollup tables in one transaction: per venue and
 * hour, per venue and day, per town and hour. Live counting and rebuilds both fill one, so both count
 * exactly alike.
 */
final class Tally {

    /** Checkins, refused, yellow, red. */
    static final class Counts {
        long checkins;
        long refused;
        long yellow;
        long red;

        void add(long checkins, long refused, long yellow, long red) {
            this.checkins += checkins;
            this.refused += refused;
            this.yellow += yellow;
            this.red += red;
        }
    }

    record VenueHour(long venueId, long hourStart, String townCode, String categoryCode) {
    }

    record VenueDay(long venueId, int day, String townCode, String categoryCode) {
    }

    record TownHour(String townCode, long hourStart) {
    }

    private final ZoneId zone;
    final Map<VenueHour, Counts> venueHours = new HashMap<>();
    final Map<VenueDay, Counts> venueDays = new HashMap<>();
    final Map<TownHour, Counts> townHours = new HashMap<>();

    Tally(ZoneId zone) {
        this.zone = zone;
    }

    void add(VenueFacts venue, Instant at, long checkins, long refused, long yellow, long red) {
        long hour = hourStart(at, zone);
        int day = (int) at.atZone(zone).toLocalDate().toEpochDay();
        venueHours.computeIfAbsent(new VenueHour(venue.id(), hour, venue.townCode(), venue.categoryCode()),
                k -> new Counts()).add(checkins, refused, yellow, red);
        venueDays.computeIfAbsent(new VenueDay(venue.id(), day, venue.townCode(), venue.categoryCode()),
                k -> new Counts()).add(checkins, refused, yellow, red);
        townHours.computeIfAbsent(new TownHour(venue.townCode(), hour), k -> new Counts())
                .add(checkins, refused, yellow, red);
    }

    /** One check-in, with its colour at the door when it was refused. */
    void add(VenueFacts venue, Instant at, boolean refused, HealthColour colour) {
        add(venue, at, 1, refused ? 1 : 0, refused && colour == HealthColour.YELLOW ? 1 : 0,
                refused && colour == HealthColour.RED ? 1 : 0);
    }

    boolean isEmpty() {
        return venueHours.isEmpty();
    }

    static long hourStart(Instant at, ZoneId zone) {
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli();
    }
}
