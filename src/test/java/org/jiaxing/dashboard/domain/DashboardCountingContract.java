package org.jiaxing.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.VisitorDeviceSeen;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.support.MutableClock;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live counting and rebuilding on both databases: the rollups equal a direct count of the check-in table,
 * a rebuild gives exactly the rows live counting built, refused entrants get their colour, and the fraud
 * rules flag live check-ins. Each test class gets a fresh database (one test method here, so the totals are
 * exact).
 */
abstract class DashboardCountingContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-03-01 10:00 in Pinghu. */
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    @Autowired CheckinRecorder recorder;
    @Autowired LiveCounting counting;
    @Autowired Dashboard dashboard;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired Persons persons;
    @Autowired HealthStatuses health;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    Venue hospital;
    Venue market;
    Venue hall;

    @BeforeEach
    void city() {
        clock.set(NOW.minus(Duration.ofDays(3)));
        registry.upsertAll(List.of(
                new VenueDraft("DB-0001", "平湖市第一人民医院", "MEDICAL", "danghu", "新华南路 368 号", 121.0149, 30.6923,
                        null, null, "08:00-20:00", 1000),
                new VenueDraft("DB-0002", "广陈镇农贸市场", "FARMERS_MARKET", "guangchen", "广陈镇", 121.2000, 30.8000, null,
                        null, "00:00-24:00", null),
                new VenueDraft("DB-0003", "山塘村文化礼堂", "CULTURAL_HALL", "guangchen", "山塘村", null, null, null, null,
                        null, null)));
        hospital = venues.findByCode("DB-0001").orElseThrow();
        market = venues.findByCode("DB-0002").orElseThrow();
        hall = venues.findByCode("DB-0003").orElseThrow();
        clock.set(NOW);
    }

    @Test
    void liveCountsEqualADirectCountAndARebuildAndTheRulesFlagWhatTheySee() throws Exception {
        long red = person("王红梅", "33048219800101002");
        long yellow = person("陆阿婆", "33048219400202002");
        health.assign(red, HealthColour.RED, "密接", null, "tracer");
        health.assign(yellow, HealthColour.YELLOW, "次密接", null, "tracer");
        long walker = person("沈建国", "33048219500315001");

        List<NewCheckin> checkins = new ArrayList<>();
        // ordinary visits this morning (05:20-09:55) and yesterday (09:20-13:55), not in the middle of the night
        for (int i = 0; i < 40; i++) {
            Instant at = (i % 2 == 0 ? NOW : NOW.minus(Duration.ofHours(20))).minus(Duration.ofMinutes(5 + 7 * i));
            Venue venue = i % 3 == 0 ? hospital : i % 3 == 1 ? market : hall;
            checkins.add(NewCheckin.scan(10_000 + i, venue.id(), at));
        }
        checkins.add(NewCheckin.scan(red, hospital.id(), NOW.minusSeconds(60)).asRefused());
        checkins.add(NewCheckin.scan(yellow, market.id(), NOW.minusSeconds(50)).asRefused());
        // a burst at the cultural hall: 31 scans in one minute (the limit is 30)
        Instant burst = Instant.parse("2026-03-01T01:30:00Z");
        for (int i = 0; i < 31; i++) {
            checkins.add(NewCheckin.scan(20_000 + i, hall.id(), burst.plusSeconds(i)));
        }
        // 02:30 in Pinghu at the hall (no opening hours), 06:00 at the hospital (08:00-20:00)
        checkins.add(NewCheckin.scan(30_001, hall.id(), Instant.parse("2026-02-28T18:30:00Z")));
        // two more at the hall that night: 02:45 adds nothing to the 02:00 hour's flag, 03:10 is the next hour's
        checkins.add(NewCheckin.scan(30_004, hall.id(), Instant.parse("2026-02-28T18:45:00Z")));
        checkins.add(NewCheckin.scan(30_005, hall.id(), Instant.parse("2026-02-28T19:10:00Z")));
        checkins.add(NewCheckin.scan(30_002, hospital.id(), Instant.parse("2026-02-28T22:00:00Z")));
        // 07:30 at the hospital is within the half hour of grace
        checkins.add(NewCheckin.scan(30_003, hospital.id(), Instant.parse("2026-02-28T23:30:00Z")));
        // about 22 km in 5 minutes
        checkins.add(NewCheckin.scan(walker, hospital.id(), Instant.parse("2026-03-01T01:00:00Z")));
        checkins.add(NewCheckin.scan(walker, market.id(), Instant.parse("2026-03-01T01:05:00Z")));
        checkins.sort((a, b) -> a.at().compareTo(b.at()));
        for (NewCheckin checkin : checkins) {
            recorder.record(checkin);
        }
        for (long person = 40_001; person <= 40_004; person++) {
            events.publishEvent(new VisitorDeviceSeen("device-a", person, market.id(), 1, NOW.minusSeconds(person - 40_000)));
        }
        awaitCounted(checkins.size());

        Map<String, Long> direct = directCountPerVenueAndDay();
        assertThat(rollupPerVenueAndDay()).isEqualTo(direct);
        long all = direct.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all).isEqualTo(checkins.size());
        ScanCounts week = dashboard.scans(Scope.city(), Period.DAYS_7, Locale.ROOT).total();
        assertThat(week).isEqualTo(new ScanCounts(all, 2, 1, 1));
        assertThat(dashboard.scans(new Scope("guangchen"), Period.DAYS_7, Locale.ROOT).total().checkins())
                .isEqualTo(direct.entrySet().stream().filter(e -> !e.getKey().startsWith(hospital.id() + "@"))
                        .mapToLong(Map.Entry::getValue).sum());
        long today = jdbc.sql("SELECT COUNT(*) FROM checkin WHERE checked_in_at >= :from")
                .param("from", Instant.parse("2026-02-28T16:00:00Z").toEpochMilli()).query(Long.class).single();
        assertThat(dashboard.scans(Scope.city(), Period.TODAY, Locale.ROOT).total().checkins()).isEqualTo(today);
        assertThat(dashboard.scans(Scope.city(), Period.TODAY, Locale.ROOT).byHour().stream()
                .mapToLong(p -> p.counts().checkins()).sum()).isEqualTo(today);

        List<Map<String, Object>> live = allRollupRows();
        counting.rebuild();
        assertThat(allRollupRows()).isEqualTo(live);

        Map<FlagKind, Long> flags = dashboard.flagCounts(Scope.city(), Period.DAYS_7);
        assertThat(flags).containsEntry(FlagKind.BURST, 1L).containsEntry(FlagKind.NIGHT, 2L)
                .containsEntry(FlagKind.IMPOSSIBLE_TRAVEL, 1L).containsEntry(FlagKind.SHARED_DEVICE, 1L);
        assertThat(flags.get(FlagKind.OUTSIDE_HOURS)).isPositive();
        DashboardViews.FlagView travel = dashboard.flags(Scope.city(), Period.DAYS_7, 100, Locale.ROOT).stream()
                .filter(f -> f.kind() == FlagKind.IMPOSSIBLE_TRAVEL).findFirst().orElseThrow();
        DashboardViews.FlagDetail detail = dashboard.flag(Scope.city(), travel.id(), Locale.ROOT);
        assertThat(detail.records()).extracting(DashboardViews.FlagRecord::maskedName).containsExactly("沈*国", "沈*国");
        assertThat(detail.records()).extracting(DashboardViews.FlagRecord::venueCode).containsExactly("DB-0001", "DB-0002");
        DashboardViews.FlagView burstFlag = dashboard.flags(Scope.city(), Period.DAYS_7, 100, Locale.ROOT).stream()
                .filter(f -> f.kind() == FlagKind.BURST).findFirst().orElseThrow();
        assertThat(dashboard.flag(Scope.city(), burstFlag.id(), Locale.ROOT).records()).hasSize(31);
    }

    private void awaitCounted(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int counted = 0;
        while (counted < expected && System.nanoTime() < deadline) {
            counted += counting.flush();
            Thread.sleep(20);
        }
        assertThat(counted).as("check-ins counted live").isEqualTo(expected);
    }

    private long person(String name, String first17) {
        return persons.registerOrUpdate(PersonDetails.of(name, null, first17 + IdNumbers.checkCharacter(first17))).id();
    }

    private Map<String, Long> directCountPerVenueAndDay() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT venue_id, checked_in_at FROM checkin").query(rs -> {
            String key = rs.getLong("venue_id") + "@"
                    + Instant.ofEpochMilli(rs.getLong("checked_in_at")).atZone(ZONE).toLocalDate();
            counts.merge(key, 1L, Long::sum);
        });
        return counts;
    }

    private Map<String, Long> rollupPerVenueAndDay() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT venue_id, hour_start, checkins FROM dashboard_venue_hour").query(rs -> {
            String key = rs.getLong("venue_id") + "@"
                    + Instant.ofEpochMilli(rs.getLong("hour_start")).atZone(ZONE).toLocalDate();
            counts.merge(key, rs.getLong("checkins"), Long::sum);
        });
        Map<String, Long> byDay = new TreeMap<>();
        jdbc.sql("SELECT venue_id, day, checkins FROM dashboard_venue_day").query(rs -> {
            byDay.merge(rs.getLong("venue_id") + "@" + java.time.LocalDate.ofEpochDay(rs.getInt("day")),
                    rs.getLong("checkins"), Long::sum);
        });
        assertThat(byDay).as("day rollup equals the hour rollup").isEqualTo(counts);
        return counts;
    }

    private List<Map<String, Object>> allRollupRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT * FROM dashboard_venue_hour ORDER BY venue_id, hour_start").query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM dashboard_venue_day ORDER BY venue_id, day").query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM dashboard_town_hour ORDER BY town_code, hour_start").query().listOfRows());
        return rows.stream().map(row -> {
            Map<String, Object> normalised = new TreeMap<>();
            row.forEach((k, v) -> normalised.put(k.toLowerCase(Locale.ROOT), v instanceof Number n ? n.longValue() : v));
            return (Map<String, Object>) normalised;
        }).toList();
    }
}
