package org.jiaxing.dashboard.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.code.CodeGenerations;
import org.jiaxing.dashboard.DashboardAccessDenied;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;
import org.jiaxing.dashboard.domain.DashboardViews.Coverage;
import org.jiaxing.dashboard.domain.DashboardViews.CoverageRow;
import org.jiaxing.dashboard.domain.DashboardViews.FlagDetail;
import org.jiaxing.dashboard.domain.DashboardViews.FlagRecord;
import org.jiaxing.dashboard.domain.DashboardViews.FlagView;
import org.jiaxing.dashboard.domain.DashboardViews.Heat;
import org.jiaxing.dashboard.domain.DashboardViews.MapPoint;
import org.jiaxing.dashboard.domain.DashboardViews.Named;
import org.jiaxing.dashboard.domain.DashboardViews.Point;
import org.jiaxing.dashboard.domain.DashboardViews.Scans;
import org.jiaxing.dashboard.domain.DashboardViews.TopVenue;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueStatus;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures for a scope, from the rollups and the in-memory venue snapshot only. Every
 * method's cost grows with venues, days and hours, never with check-ins.
 */
@Service
public class Dashboard {

    public static final String MEDICAL = "MEDICAL";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RollupQueries rollups;
    private final VenueSnapshot venues;
    private final VenueDirectory directory;
    private final Towns towns;
    private final CodeGenerations generations;
    private final FlagStore flags;
    private final CheckinQueries checkins;
    private final Persons persons;
    private final ComplianceRules compliance;
    private final Clock clock;
    private final ZoneId zone;

    Dashboard(RollupQueries rollups, VenueSnapshot venues, VenueDirectory directory, Towns towns,
            CodeGenerations generations, FlagStore flags, CheckinQueries checkins, Persons persons,
            DashboardProperties properties, JiaxingProperties platform, Clock clock) {
        this.rollups = rollups;
        this.venues = venues;
        this.directory = directory;
        this.towns = towns;
        this.generations = generations;
        this.flags = flags;
        this.checkins = checkins;
        this.persons = persons;
        this.compliance = new ComplianceRules(properties.rules());
        this.clock = clock;
        this.zone = platform.zone();
    }

    public Coverage coverage(Scope scope, Locale locale) {
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Map<String, long[]> byTown = new LinkedHashMap<>();
        categories().forEach(c -> byCategory.put(c.code(), new long[2]));
        townsIn(scope).forEach(t -> byTown.put(t.code(), new long[2]));
        long[] total = new long[2];
        Map<Long, Integer> reissued = generations.reissued();
        long posters = 0;
        long withdrawn = 0;
        for (VenueFacts venue : scoped(scope)) {
            int active = venue.status() == VenueStatus.ACTIVE ? 1 : 0;
            for (long[] counts : List.of(total, byCategory.computeIfAbsent(venue.categoryCode(), k -> new long[2]),
                    byTown.computeIfAbsent(venue.townCode(), k -> new long[2]))) {
                counts[0]++;
                counts[1] += active;
            }
            int generation = reissued.getOrDefault(venue.id(), 1);
            posters += generation;
            withdrawn += generation - 1;
        }
        List<CoverageRow> categoryRows = byCategory.entrySet().stream()
                .map(e -> new CoverageRow(e.getKey(), categoryName(e.getKey(), locale), e.getValue()[0], e.getValue()[1]))
                .toList();
        CoverageRow medical = categoryRows.stream().filter(r -> r.code().equals(MEDICAL)).findFirst()
                .orElse(new CoverageRow(MEDICAL, categoryName(MEDICAL, locale), 0, 0));
        return new Coverage(new CoverageRow("all", "", total[0], total[1]), medical, categoryRows,
                byTown.entrySet().stream().map(e -> new CoverageRow(e.getKey(), townName(e.getKey(), locale),
                        e.getValue()[0], e.getValue()[1])).toList(), posters, withdrawn);
    }

    public Scans scans(Scope scope, Period period, Locale locale) {
        LocalDate today = today();
        int fromDay = (int) today.minusDays(period.days() - 1).toEpochDay();
        List<Point> byDay = new ArrayList<>();
        Map<Integer, ScanCounts> days = new HashMap<>();
        rollups.byDay(scope.townCode(), fromDay).forEach(k -> days.put(k.key(), k.sums()));
        ScanCounts total = ScanCounts.ZERO;
        for (int day = fromDay; day <= today.toEpochDay(); day++) {
            ScanCounts counts = days.getOrDefault(day, ScanCounts.ZERO);
            total = total.plus(counts);
            byDay.add(new Point(LocalDate.ofEpochDay(day).toString(), counts));
        }
        long fromHour = today.minusDays(period.days() - 1).atStartOfDay(zone).toInstant().toEpochMilli();
        Map<Long, ScanCounts> hours = new HashMap<>();
        rollups.byHour(scope.townCode(), fromHour).forEach(k -> hours.put(k.key(), k.sums()));
        List<Point> byHour = new ArrayList<>();
        ZonedDateTime nowHour = clock.instant().atZone(zone).truncatedTo(ChronoUnit.HOURS);
        for (ZonedDateTime hour = Instant.ofEpochMilli(fromHour).atZone(zone); !hour.isAfter(nowHour);
                hour = hour.plusHours(1)) {
            byHour.add(new Point(hour.format(HOUR), hours.getOrDefault(hour.toInstant().toEpochMilli(), ScanCounts.ZERO)));
        }
        Map<String, ScanCounts> byCategory = new LinkedHashMap<>();
        Map<String, ScanCounts> byTown = new LinkedHashMap<>();
        categories().forEach(c -> byCategory.put(c.code(), ScanCounts.ZERO));
        townsIn(scope).forEach(t -> byTown.put(t.code(), ScanCounts.ZERO));
        for (var keyed : rollups.byCategoryAndTown(scope.townCode(), fromDay)) {
            String[] key = keyed.key().split("\\|", 2);
            byCategory.merge(key[0], keyed.sums(), ScanCounts::plus);
            byTown.merge(key[1], keyed.sums(), ScanCounts::plus);
        }
        List<TopVenue> top = rollups.byVenue(scope.townCode(), fromDay).entrySet().stream()
                .sorted(Map.Entry.<Long, ScanCounts>comparingByValue(Comparator.comparingLong(ScanCounts::checkins))
                        .reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(e -> {
                    VenueFacts venue = venues.get(e.getKey());
                    return new TopVenue(venue.id(), venue.code(), venue.name(), categoryName(venue.categoryCode(), locale),
                            townName(venue.townCode(), locale), e.getValue());
                }).toList();
        return new Scans(period.key(), total, byHour, byDay,
                byCategory.entrySet().stream().map(e -> new Named(e.getKey(), categoryName(e.getKey(), locale),
                        e.getValue())).toList(),
                byTown.entrySet().stream().map(e -> new Named(e.getKey(), townName(e.getKey(), locale), e.getValue()))
                        .toList(), top);
    }

    public Heat heat(Scope scope, Period period, Locale locale) {
        int fromDay = (int) today().minusDays(period.days() - 1).toEpochDay();
        List<VenueCategory> categories = categories();
        List<Town> townList = townsIn(scope);
        long[][] cells = new long[categories.size()][townList.size()];
        Map<String, Integer> row = new HashMap<>();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            row.put(categories.get(i).code(), i);
        }
        for (int j = 0; j < townList.size(); j++) {
            column.put(townList.get(j).code(), j);
        }
        long max = 0;
        for (var keyed : rollups.byCategoryAndTown(scope.townCode(), fromDay)) {
            String[] key = keyed.key().split("\\|", 2);
            Integer i = row.get(key[0]);
            Integer j = column.get(key[1]);
            if (i != null && j != null) {
                cells[i][j] += keyed.sums().checkins();
                max = Math.max(max, cells[i][j]);
            }
        }
        return new Heat(categories.stream().map(c -> c.name(locale)).toList(),
                townList.stream().map(t -> t.name(locale)).toList(), cells, max);
    }

    /** Venues (active, in scope) with at least one compliance finding, sorted by {@code sort}. */
    public List<ComplianceRow> compliance(Scope scope, ComplianceSort sort, Locale locale) {
        LocalDate today = today();
        int todayDay = (int) today.toEpochDay();
        Map<Long, Map<Integer, Long>> days = rollups.venueDays(scope.townCode(), todayDay - 8);
        LocalTime now = clock.instant().atZone(zone).toLocalTime();
        List<ComplianceRow> rows = new ArrayList<>();
        for (VenueFacts venue : scoped(scope)) {
            if (venue.status() != VenueStatus.ACTIVE) {
                continue;
            }
            Map<Integer, Long> counts = days.getOrDefault(venue.id(), Map.of());
            long[] last = new long[8];
            for (int i = 0; i < 8; i++) {
                last[i] = counts.getOrDefault(todayDay - 1 - i, 0L);
            }
            ComplianceRules.Figures figures = new ComplianceRules.Figures(counts.getOrDefault(todayDay, 0L), last);
            Set<ComplianceRules.Finding> findings = compliance.findings(figures, venue.hours(),
                    venue.expectedDailyVisitors(), now);
            if (!findings.isEmpty()) {
                rows.add(new ComplianceRow(venue.id(), venue.code(), venue.name(), categoryName(venue.categoryCode(), locale),
                        townName(venue.townCode(), locale), figures.today(), figures.yesterday(),
                        figures.medianBeforeYesterday(), figures.mean7(), venue.expectedDailyVisitors(),
                        ComplianceRules.scanRate(figures, venue.expectedDailyVisitors()), findings));
            }
        }
        rows.sort(sort.comparator());
        return rows;
    }

    public List<FlagView> flags(Scope scope, Period period, int limit, Locale locale) {
        Instant since = today().minusDays(period.days() - 1).atStartOfDay(zone).toInstant();
        return flags.recent(scope.townCode(), since, limit).stream().map(flag -> view(flag, locale)).toList();
    }

    public Map<FlagKind, Long> flagCounts(Scope scope, Period period) {
        Instant since = today().minusDays(period.days() - 1).atStartOfDay(zone).toInstant();
        return flags.countByKind(scope.townCode(), since);
    }

    /** The flag with its underlying check-ins, persons masked. A flag outside the scope is not found. */
    public FlagDetail flag(Scope scope, long id, Locale locale) {
        Flag flag = flags.find(id).filter(f -> scope.covers(f.townCode()))
                .orElseThrow(DashboardAccessDenied::flagNotFound);
        List<FlagRecord> records = new ArrayList<>();
        Map<Long, Optional<Person>> people = new HashMap<>();
        for (Checkin checkin : underlying(flag)) {
            VenueFacts venue = venues.get(checkin.venueId());
            String masked = people.computeIfAbsent(checkin.personId(), persons::find).map(Person::maskedName).orElse("?");
            records.add(new FlagRecord(checkin.id(), masked, venue.code(), venue.name(), time(checkin.checkedInAt()),
                    checkin.refused(), checkin.channel().name()));
        }
        return new FlagDetail(view(flag, locale), records);
    }

    public List<MapPoint> map(Scope scope, Period period, Locale locale) {
        int fromDay = (int) today().minusDays(period.days() - 1).toEpochDay();
        Map<Long, ScanCounts> byVenue = rollups.byVenue(scope.townCode(), fromDay);
        Set<Long> listed = new java.util.HashSet<>();
        compliance(scope, ComplianceSort.VENUE, locale).forEach(r -> listed.add(r.venueId()));
        return scoped(scope).stream().filter(VenueFacts::located).filter(v -> v.status() == VenueStatus.ACTIVE)
                .map(v -> new MapPoint(v.id(), v.name(), categoryName(v.categoryCode(), locale),
                        townName(v.townCode(), locale), v.longitude(), v.latitude(),
                        byVenue.getOrDefault(v.id(), ScanCounts.ZERO).checkins(), listed.contains(v.id())))
                .toList();
    }

    private List<Checkin> underlying(Flag flag) {
        Set<Long> ids = Set.copyOf(flag.checkinIds());
        List<Checkin> found = new ArrayList<>();
        if (flag.kind() == FlagKind.BURST) {
            found.addAll(checkins.atVenue(flag.venueId(), flag.occurredAt(), flag.occurredAt().plus(Duration.ofMinutes(1))));
        } else {
            Duration window = Duration.ofDays(1);
            for (long personId : flag.personIds()) {
                found.addAll(checkins.ofPerson(personId, flag.occurredAt().minus(window), flag.occurredAt().plusSeconds(1)));
            }
        }
        return found.stream().filter(c -> ids.contains(c.id())).sorted(Comparator.comparing(Checkin::checkedInAt)).toList();
    }

    private FlagView view(Flag flag, Locale locale) {
        VenueFacts venue = venues.get(flag.venueId());
        return new FlagView(flag.id(), flag.kind(), venue.id(), venue.code(), venue.name(), townName(venue.townCode(),
                locale), flag.occurredAt(), time(flag.occurredAt()), flag.detail(),
                flag.checkinIds().size());
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private String time(Instant at) {
        return at.atZone(zone).format(TIME);
    }

    private List<VenueFacts> scoped(Scope scope) {
        return venues.all().values().stream().filter(v -> scope.covers(v.townCode()))
                .sorted(Comparator.comparing(VenueFacts::code)).toList();
    }

    private List<VenueCategory> categories() {
        return directory.categories();
    }

    private List<Town> townsIn(Scope scope) {
        return towns.all().stream().filter(t -> scope.covers(t.code())).toList();
    }

    private String categoryName(String code, Locale locale) {
        return directory.category(code).map(c -> c.name(locale)).orElse(code);
    }

    private String townName(String code, Locale locale) {
        return towns.byCode(code).map(t -> t.name(locale)).orElse(code);
    }
}
