package org.jiaxing.dashboard.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaxing.checkin.CheckinRecorded;
import org.jiaxing.checkin.VisitorDeviceSeen;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link FraudRules} to check-ins as they are counted. It remembers only what the rules need:
 * scans per venue in the last minutes (bursts), each person's last check-in within the travel window, and
 * the identities each device hash checked in within the device window. Called by {@link LiveCounting} under
 * its lock, so it needs no locking of its own. State lives in memory: after a restart the rules start
 * afresh (flags already raised stay in the table).
 */
@Component
class FraudWatch {

    /** A venue and a minute or an hour of time, by its start (epoch ms). */
    private record VenueSlot(long venueId, long start) {
    }

    private record LastCheckin(long venueId, Instant at, long checkinId) {
    }

    private record Sighting(Instant at, long checkinId) {
    }

    private static final class Device {
        final Map<Long, Sighting> persons = new LinkedHashMap<>();
        Instant flaggedAt;
    }

    private final FraudRules rules;
    private final DashboardProperties.Rules thresholds;
    private final VenueSnapshot venues;
    private final FlagStore store;
    private final ZoneId zone;
    private final Map<VenueSlot, List<Long>> minutes = new HashMap<>();
    /** Venue and minute of each burst flag raised in the last five minutes. */
    private final Set<VenueSlot> flaggedMinutes = new HashSet<>();
    /** Venue and hour of each timing flag raised in the last two hours. */
    private final Set<VenueSlot> flaggedHours = new HashSet<>();
    private final Map<Long, LastCheckin> lastCheckins = new HashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private Instant latest = Instant.EPOCH;

    FraudWatch(DashboardProperties properties, JiaxingProperties platform, VenueSnapshot venues, FlagStore store) {
        this.thresholds = properties.rules();
        this.rules = new FraudRules(thresholds);
        this.venues = venues;
        this.store = store;
        this.zone = platform.zone();
    }

    List<Flag> inspect(List<CheckinRecorded> checkins, List<VisitorDeviceSeen> sightings) {
        List<Flag> flags = new ArrayList<>();
        for (CheckinRecorded checkin : checkins) {
            if (checkin.at().isAfter(latest)) {
                latest = checkin.at();
            }
            VenueFacts venue = venues.get(checkin.venueId());
            timing(checkin, venue, flags);
            burst(checkin, venue, flags);
            travel(checkin, venue, flags);
        }
        for (VisitorDeviceSeen seen : sightings) {
            device(seen, flags);
        }
        forgetOld();
        return flags;
    }

    void save(List<Flag> flags) {
        flags.forEach(store::insert);
    }

    /**
     * One NIGHT or OUTSIDE_HOURS flag per venue and hour, naming the hour's first such check-in: the alert is "this
     * venue admits people when it should be closed", and later check-ins of the same hour add nothing to it. One
     * flag per check-in filled the flag table with 543,280 NIGHT flags in five minutes of a soak
     * (docs/RELIABILITY.md), and a venue with wrong hours or a night-time crowd would do the same. After a restart
     * the hour's next check-in flags once more.
     */
    private void timing(CheckinRecorded checkin, VenueFacts venue, List<Flag> flags) {
        rules.timing(venue.hours(), checkin.at().atZone(zone).toLocalTime()).ifPresent(kind -> {
            VenueSlot hour = new VenueSlot(venue.id(), checkin.at().truncatedTo(ChronoUnit.HOURS).toEpochMilli());
            if (flaggedHours.add(hour)) {
                flags.add(new Flag(0, kind, venue.id(), venue.townCode(), checkin.at(), List.of(checkin.personId()),
                        List.of(checkin.checkinId()), "hours=" + (venue.hours() == null ? "-" : hoursText(venue.hours()))));
            }
        });
    }

    private void burst(CheckinRecorded checkin, VenueFacts venue, List<Flag> flags) {
        VenueSlot minute = new VenueSlot(venue.id(), checkin.at().truncatedTo(ChronoUnit.MINUTES).toEpochMilli());
        List<Long> ids = minutes.computeIfAbsent(minute, k -> new ArrayList<>());
        ids.add(checkin.checkinId());
        if (rules.burst(ids.size(), venue.expectedDailyVisitors()) && flaggedMinutes.add(minute)) {
            flags.add(new Flag(0, FlagKind.BURST, venue.id(), venue.townCode(), Instant.ofEpochMilli(minute.start()),
                    List.of(), ids, "limit=" + rules.burstLimit(venue.expectedDailyVisitors())));
        }
    }

    private void travel(CheckinRecorded checkin, VenueFacts venue, List<Flag> flags) {
        LastCheckin last = lastCheckins.get(checkin.personId());
        if (last != null && last.venueId() != venue.id()) {
            VenueFacts before = venues.get(last.venueId());
            if (before.located() && venue.located()) {
                double km = FraudRules.distanceKm(before.latitude(), before.longitude(), venue.latitude(),
                        venue.longitude());
                Duration between = Duration.between(last.at(), checkin.at());
                if (rules.impossibleTravel(km, between)) {
                    flags.add(new Flag(0, FlagKind.IMPOSSIBLE_TRAVEL, venue.id(), venue.townCode(), checkin.at(),
                            List.of(checkin.personId()), List.of(last.checkinId(), checkin.checkinId()),
                            String.format(java.util.Locale.ROOT, "km=%.1f minutes=%d", km,
                                    Math.abs(between.toMinutes()))));
                }
            }
        }
        if (last == null || !checkin.at().isBefore(last.at())) {
            lastCheckins.put(checkin.personId(), new LastCheckin(venue.id(), checkin.at(), checkin.checkinId()));
        }
    }

    private void device(VisitorDeviceSeen seen, List<Flag> flags) {
        Device device = devices.computeIfAbsent(seen.deviceHash(), k -> new Device());
        device.persons.put(seen.personId(), new Sighting(seen.at(), seen.checkinId()));
        Instant windowStart = seen.at().minus(thresholds.deviceWindow());
        device.persons.values().removeIf(s -> s.at().isBefore(windowStart));
        boolean alreadyFlagged = device.flaggedAt != null && !device.flaggedAt.isBefore(windowStart);
        if (rules.sharedDevice(device.persons.size()) && !alreadyFlagged) {
            device.flaggedAt = seen.at();
            VenueFacts venue = venues.get(seen.venueId());
            flags.add(new Flag(0, FlagKind.SHARED_DEVICE, venue.id(), venue.townCode(), seen.at(),
                    List.copyOf(device.persons.keySet()),
                    device.persons.values().stream().map(Sighting::checkinId).toList(),
                    "identities=" + device.persons.size()));
        }
    }

    private void forgetOld() {
        long oldMinute = latest.minus(Duration.ofMinutes(5)).toEpochMilli();
        minutes.keySet().removeIf(m -> m.start() < oldMinute);
        flaggedMinutes.removeIf(m -> m.start() < oldMinute);
        long oldHour = latest.minus(Duration.ofHours(2)).toEpochMilli();
        flaggedHours.removeIf(h -> h.start() < oldHour);
        Instant travelStart = latest.minus(thresholds.travelWindow());
        lastCheckins.values().removeIf(last -> last.at().isBefore(travelStart));
        Instant deviceStart = latest.minus(thresholds.deviceWindow());
        for (Iterator<Device> it = devices.values().iterator(); it.hasNext(); ) {
            Device device = it.next();
            device.persons.values().removeIf(s -> s.at().isBefore(deviceStart));
            if (device.persons.isEmpty()) {
                it.remove();
            }
        }
    }

    private static String hoursText(OpeningHours hours) {
        return String.format("%02d:%02d-%02d:%02d", hours.openMinute() / 60, hours.openMinute() % 60,
                hours.closeMinute() / 60, hours.closeMinute() % 60);
    }
}
