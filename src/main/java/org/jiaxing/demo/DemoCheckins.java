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
        List<NewCheckin> checkins = new ArrayList<>();
        for (int v = 0; v < busy.size(); v++) {
            Venue venue = busy.get(v);
            boolean busiest = v % 10 == 0;
            boolean dropped = v == 10 || v == 30; // two busy venues stopped scanning properly yesterday
            int perDay = busiest ? 25 : 3 + random.nextInt(8);
            for (int d = DAYS - 1; d >= 0; d--) {
                LocalDate day = today.minusDays(d);
                int count = dropped && d <= 1 ? 1 : perDay + random.nextInt(3);
                for (int n = 0; n < count; n++) {
                    Instant at = withinHours(venue, day, random);
                    if (at.isBefore(now)) {
                        long person = visitors.get(2 + random.nextInt(VISITORS - 2));
                        checkins.add(new NewCheckin(person, venue.id(), at, false, CheckinChannel.SCAN, null));
                    }
                }
            }
        }
        anomalies(busy, visitors, red, yellow, now, checkins);
        checkins.sort(Comparator.comparing(NewCheckin::at));
        int recorded = 0;
        for (int from = 0; from < checkins.size(); from += 500) {
            recorded += (int) recorder.recordAll(checkins.subList(from, Math.min(checkins.size(), from + 500))).stream()
                    .filter(result -> !result.duplicate()).count();
        }
        for (int i = 0; i < 5; i++) {
            events.publishEvent(new VisitorDeviceSeen("demo-shared-phone", visitors.get(10 + i), busy.get(1).id(), 0,
                    now.minus(Duration.ofMinutes(50 - i * 5))));
        }
        return recorded;
    }

    private void anomalies(List<Venue> busy, List<Long> visitors, long red, long yellow, Instant now,
            List<NewCheckin> checkins) {
        Venue burst = busy.get(2);
        Instant minute = now.minus(Duration.ofMinutes(47)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (int i = 0; i < 36; i++) {
            checkins.add(NewCheckin.scan(visitors.get(20 + i), burst.id(), minute.plusSeconds(i)));
        }
        for (int d = 0; d < 3; d++) {
            checkins.add(NewCheckin.scan(visitors.get(60 + d), busy.get(4).id(),
                    now.atZone(zone).toLocalDate().minusDays(d + 1).atTime(3, 10 + d).atZone(zone).toInstant()));
        }
        Venue first = busy.get(0);
        Venue far = busy.stream().max(Comparator.comparingDouble(v -> Math.abs(v.latitude() - first.latitude())
                + Math.abs(v.longitude() - first.longitude()))).orElseThrow();
        Instant before = now.minus(Duration.ofMinutes(95));
        checkins.add(NewCheckin.scan(visitors.get(70), first.id(), before));
        checkins.add(NewCheckin.scan(visitors.get(70), far.id(), before.plus(Duration.ofMinutes(6))));
        for (int i = 0; i < 4; i++) {
            Instant at = now.minus(Duration.ofMinutes(20 + 30 * i));
            checkins.add(NewCheckin.scan(i % 2 == 0 ? red : yellow, busy.get(5 + i).id(), at).asRefused());
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

    private static int minutes(String time) {
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
    }
}
