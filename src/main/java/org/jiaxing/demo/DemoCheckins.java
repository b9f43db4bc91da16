package org.jiaxing.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.VisitorDeviceSeen;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.venue.Venue;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A modest check-in history for the demo dashboard: about 150 visitors and a few thousand check-ins over
 * the last nine days at a few dozen venues, within their opening hours, through the regular write path (so
 * the dashboard counts them like any other). A few venues show what the dashboard is for: one stopped
 * scanning yesterday, some never scan, a burst, night-time and impossible-travel check-ins, one phone used
 * for many identities, and refused RED and YELLOW visitors. Deterministic for a seed and a start time.
 */
final class DemoCheckins {

    private static final String[] SURNAMES = {"沈", "陆", "张", "王", "徐", "顾", "朱", "金", "李", "陈", "周", "吴"};
    private static final String[] GIVEN = {"建国", "晓梅", "丽华", "伟", "明", "红梅", "志强", "秀英", "海峰", "婷",
        "佳怡", "子涵", "国平", "玉兰", "春燕", "俊杰"};
    private static final int VISITORS = 150;
    private static final int DAYS = 9;

    private final Persons persons;
    private final HealthStatuses health;
    private final CheckinRecorder recorder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    DemoCheckins(Persons persons, HealthStatuses health, CheckinRecorder recorder, ApplicationEventPublisher events,
            Clock clock, ZoneId zone) {
        this.persons = persons;
        this.health = health;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the number of check-ins recorded */
    int seed(List<Venue> venues, long seed) {
        Random random = new Random(seed);
        List<Long> visitors = new ArrayList<>();
        for (int i = 0; i < VISITORS; i++) {
            String first17 = String.format("330482%04d%02d%02d%03d", 1950 + random.nextInt(55), 1 + random.nextInt(12),
                    1 + random.nextInt(28), i);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            visitors.add(persons.registerOrUpdate(PersonDetails.of(name, String.format("138573%05d", i),
                    first17 + IdNumbers.checkCharacter(first17))).id());
        }
        long red = visitors.get(0);
        long yellow = visitors.get(1);
        health.assign(red, HealthColour.RED, "演示：确诊病例密接", null, "demo");
        health.assign(yellow, HealthColour.YELLOW, "演示：次密接", null, "demo");

        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Venue> open = venues.stream().filter(v -> v.openingHours() != null && v.latitude() != null)
                .sorted(Comparator.comparing(Venue::code)).toList();
        List<Venue> busy = new ArrayList<>();
        for (int i = 0; i < open.size() && busy.size() < 60; i += Math.max(1, open.size() / 60)) {
            busy.add(open.get(i));
        }
        // each visitor lives in one town and is never at two places within an hour: no accidental travel flags
        List<String> towns = busy.stream().map(Venue::townCode).distinct().sorted().toList();
        java.util.Map<String, List<Long>> locals = new java.util.HashMap<>();
        for (int i = 2; i < VISITORS - 80; i++) {
            locals.computeIfAbsent(towns.get(i % towns.size()), k -> new ArrayList<>()).add(visitors.get(i));
        }
        java.util.Map<Long, java.util.TreeSet<Instant>> visits = new java.util.HashMap<>();
        List<NewCheckin> checkins = new ArrayList<>();
        for (int v = 0; v < busy.size(); v++) {
            Venue venue = busy.get(v);
            boolean busiest = v % 10 == 0;
            boolean dropped = v == 10 || v == 30; // two busy venues stopped scanning properly yesterday
            int perDay = busiest ? 25 : 3 + random.nextInt(8);
            List<Long> pool = locals.getOrDefault(venue.townCode(), List.of());
            for (int d = DAYS - 1; d >= 0 && !pool.isEmpty(); d--) {
                LocalDate day = today.minusDays(d);
                int count = dropped && d <= 1 ? 1 : perDay + random.nextInt(3);
                for (int n = 0; n < count; n++) {
                    Instant at = withinHours(venue, day, random);
                    for (int attempt = 0; attempt < 5 && at.isBefore(now); attempt++) {
                        long person = pool.get(random.nextInt(pool.size()));
                        java.util.TreeSet<Instant> own = visits.computeIfAbsent(person, k -> new java.util.TreeSet<>());
                        Instant near = own.ceiling(at.minus(Duration.ofHours(1)));
                        if (near == null || near.isAfter(at.plus(Duration.ofHours(1)))) {
                            own.add(at);
                            checkins.add(new NewCheckin(person, venue.id(), at, false, CheckinChannel.SCAN, null));
                            break;
                        }
                    }
                }
            }
        }
        anomalies(venues, busy, visitors, red, yellow, now, checkins);
        checkins.sort(Comparator.comparing(NewCheckin::at));
        int recorded = 0;
        for (int from = 0; from < checkins.size(); from += 500) {
            recorded += (int) recorder.recordAll(checkins.subList(from, Math.min(checkins.size(), from + 500))).stream()
                    .filter(result -> !result.duplicate()).count();
        }
        // one phone checking in five different people at one shop yesterday afternoon
        Venue shop = busy.get(1);
        LocalDate yesterday = now.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 5; i++) {
            Instant at = yesterday.atTime(15, i * 5).atZone(zone).toInstant();
            long person = visitors.get(VISITORS - 20 + i);
            var result = recorder.record(new NewCheckin(person, shop.id(), at, false, CheckinChannel.SCAN, null));
            recorded++;
            events.publishEvent(new VisitorDeviceSeen("demo-shared-phone", person, shop.id(),
                    result.checkin().id(), at));
        }
        return recorded;
    }

    private void anomalies(List<Venue> all, List<Venue> busy, List<Long> visitors, long red, long yellow, Instant now,
            List<NewCheckin> checkins) {
        // yesterday late morning, at venues open then
        List<Venue> daytime = busy.stream().filter(v -> openAt(v, 10 * 60) && openAt(v, 13 * 60)).toList();
        Instant yesterday = now.atZone(zone).toLocalDate().minusDays(1).atTime(10, 0).atZone(zone).toInstant();
        // a small venue, so that 36 scans in a minute are far more than it can admit
        Venue burst = daytime.stream().filter(v -> v.expectedDailyVisitors() != null && v.expectedDailyVisitors() <= 600)
                .findFirst().orElse(daytime.get(2));
        Instant minute = yesterday.plus(Duration.ofMinutes(47));
        for (int i = 0; i < 36; i++) {
            checkins.add(NewCheckin.scan(visitors.get(VISITORS - 80 + i), burst.id(), minute.plusSeconds(i)));
        }
        // a venue without opening hours used at three in the morning, and one with hours before it opens
        Venue noHours = all.stream().filter(v -> v.openingHours() == null).min(Comparator.comparing(Venue::code))
                .orElse(busy.get(4));
        for (int d = 0; d < 3; d++) {
            checkins.add(NewCheckin.scan(visitors.get(VISITORS - 40 + d), (d == 2 ? busy.get(4) : noHours).id(),
                    now.atZone(zone).toLocalDate().minusDays(d + 1).atTime(3, 10 + d).atZone(zone).toInstant()));
        }
        Venue first = daytime.get(0);
        Venue far = daytime.stream().max(Comparator.comparingDouble(v -> Math.abs(v.latitude() - first.latitude())
                + Math.abs(v.longitude() - first.longitude()))).orElseThrow();
        Instant before = yesterday.plus(Duration.ofMinutes(95));
        checkins.add(NewCheckin.scan(visitors.get(VISITORS - 30), first.id(), before));
        checkins.add(NewCheckin.scan(visitors.get(VISITORS - 30), far.id(), before.plus(Duration.ofMinutes(6))));
        for (int i = 0; i < 4; i++) {
            Instant at = yesterday.plus(Duration.ofMinutes(20 + 30 * i));
            checkins.add(NewCheckin.scan(i % 2 == 0 ? red : yellow, daytime.get(5 + i).id(), at).asRefused());
        }
    }

    /** A time within the venue's opening hours on that day (hours like 08:00-22:00, or closing after midnight). */
    private Instant withinHours(Venue venue, LocalDate day, Random random) {
        String[] parts = venue.openingHours().split("-");
        int open = minutes(parts[0]);
        int close = minutes(parts[1]);
        int span = Math.floorMod(close - open, 24 * 60);
        if (span == 0) {
            span = 24 * 60;
        }
        int minute = open + random.nextInt(Math.max(1, span - 1));
        return day.atStartOfDay(zone).plusMinutes(minute).plusSeconds(random.nextInt(60)).toInstant();
    }

    private static boolean openAt(Venue venue, int minuteOfDay) {
        String[] parts = venue.openingHours().split("-");
        int open = minutes(parts[0]);
        int close = minutes(parts[1]);
        return close <= open ? minuteOfDay >= open || minuteOfDay < close : minuteOfDay >= open && minuteOfDay < close;
    }

    private static int minutes(String time) {
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
    }
}
