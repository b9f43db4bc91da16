package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.project.StageColour;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 进度比拼: projects and towns ranked by on-time stage rate, then average days ahead (+) or behind (−),
 * with problems resolved on time and the official's on-site days in the last 30 days.
 */
@Service
public class Rankings {

    /** Figures of one project or town. Rates are 0..100, or {@code null} when there is nothing to rate. */
    public record Score(String key, String name, int projects, Integer onTimeRate, Double averageDays,
            Integer problemsOnTimeRate, int onSiteDays, StageColour colour) {
    }

    public record Summary(LocalDate from, LocalDate to, int reports, int raised, int resolved, int closed,
            int turnedRed, int leftRed, Map<StageColour, Long> now) {
    }

    private final ProjectStore projects;
    private final ProblemStore problems;
    private final SiteVisits visits;
    private final Towns towns;
    private final JdbcClient jdbc;
    private final ProjectTime time;

    Rankings(ProjectStore projects, ProblemStore problems, SiteVisits visits, Towns towns, JdbcClient jdbc,
            ProjectTime time) {
        this.projects = projects;
        this.problems = problems;
        this.visits = visits;
        this.towns = towns;
        this.jdbc = jdbc;
        this.time = time;
    }

    private record Tally(int onTime, int rated, long daysSum, int daysCount, int problemsOnTime, int problemsRated,
            int onSite) {

        Tally plus(Tally o) {
            return new Tally(onTime + o.onTime, rated + o.rated, daysSum + o.daysSum, daysCount + o.daysCount,
                    problemsOnTime + o.problemsOnTime, problemsRated + o.problemsRated, onSite + o.onSite);
        }
    }

    private Map<Long, Tally> tallies() {
        LocalDate today = time.today();
        Map<Long, List<StagePlan>> stages = projects.allStages().stream()
                .collect(Collectors.groupingBy(StagePlan::projectId));
        Map<Long, LocalDate> resolved = problems.resolvedDays();
        Map<Long, List<Problem>> byProject = problems.all().stream().collect(Collectors.groupingBy(Problem::projectId));
        Map<Long, Integer> onSite = visits.officialDaysSince(today.minusDays(30));
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        for (Project p : projects.all()) {
            int onTime = 0;
            int rated = 0;
            long daysSum = 0;
            int daysCount = 0;
            for (StagePlan s : stages.getOrDefault(p.id(), List.of())) {
                if (!s.isOpen()) {
                    rated++;
                    onTime += s.completedOn().isAfter(s.deadline()) ? 0 : 1;
                    daysSum += ChronoUnit.DAYS.between(s.completedOn(), s.deadline());
                    daysCount++;
                } else if (today.isAfter(s.deadline())) {
                    rated++;
                    daysSum += ChronoUnit.DAYS.between(today, s.deadline());
                    daysCount++;
                }
            }
            int pOnTime = 0;
            int pRated = 0;
            for (Problem pr : byProject.getOrDefault(p.id(), List.of())) {
                if (pr.deadline() == null) {
                    continue;
                }
                LocalDate done = resolved.get(pr.id());
                if (done != null) {
                    pRated++;
                    pOnTime += done.isAfter(pr.deadline()) ? 0 : 1;
                } else if (pr.isOverdue(today)) {
                    pRated++;
                }
            }
            tallies.put(p.id(), new Tally(onTime, rated, daysSum, daysCount, pOnTime, pRated,
                    onSite.getOrDefault(p.id(), 0)));
        }
        return tallies;
    }

    public List<Score> byProject() {
        Map<Long, Tally> tallies = tallies();
        return rank(projects.all().stream().map(p -> score(p.code(), p.name(), 1, tallies.get(p.id()), p.colour()))
                .toList());
    }

    public List<Score> byTown(Locale locale) {
        Map<Long, Tally> tallies = tallies();
        Map<String, List<Project>> byTown = projects.all().stream().collect(Collectors.groupingBy(Project::townCode));
        List<Score> scores = new ArrayList<>();
        for (Town town : towns.all()) {
            List<Project> list = byTown.getOrDefault(town.code(), List.of());
            if (list.isEmpty()) {
                continue;
            }
            Tally sum = list.stream().map(p -> tallies.get(p.id()))
                    .reduce(new Tally(0, 0, 0, 0, 0, 0, 0), Tally::plus);
            StageColour worst = list.stream().map(Project::colour).reduce(StageColour.BLUE, StageColour::worst);
            scores.add(score(town.code(), town.name(locale), list.size(), sum, worst));
        }
        return rank(scores);
    }

    private static Score score(String key, String name, int count, Tally t, StageColour colour) {
        return new Score(key, name, count, t.rated == 0 ? null : Math.round(100f * t.onTime / t.rated),
                t.daysCount == 0 ? null : Math.round(10.0 * t.daysSum / t.daysCount) / 10.0,
                t.problemsRated == 0 ? null : Math.round(100f * t.problemsOnTime / t.problemsRated), t.onSite, colour);
    }

    private static List<Score> rank(List<Score> scores) {
        return scores.stream().sorted(Comparator
                        .comparing((Score s) -> s.onTimeRate() == null ? -1 : s.onTimeRate()).reversed()
                        .thenComparing(s -> s.averageDays() == null ? 0.0 : -s.averageDays())
                        .thenComparing(Score::key))
                .toList();
    }

    /** Colour counts per day over the last {@code days} days (from the daily snapshots). */
    public Map<LocalDate, Map<StageColour, Long>> colourCounts(int days) {
        Map<LocalDate, Map<StageColour, Long>> counts = new TreeMap<>();
        jdbc.sql("""
                SELECT day, colour, COUNT(*) FROM project_colour_day WHERE day >= :since GROUP BY day, colour""")
                .param("since", time.today().minusDays(days).toString())
                .query(rs -> {
                    Map<StageColour, Long> day = counts.computeIfAbsent(LocalDate.parse(rs.getString(1)), d -> {
                        Map<StageColour, Long> m = new EnumMap<>(StageColour.class);
                        for (StageColour c : StageColour.values()) {
                            m.put(c, 0L);
                        }
                        return m;
                    });
                    day.put(StageColour.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    public Summary weekly() {
        LocalDate to = time.today();
        LocalDate from = to.minusDays(6);
        String f = from.toString();
        int reports = count("SELECT COUNT(*) FROM project_report WHERE day >= :f", f);
        int raised = count("SELECT COUNT(*) FROM project_problem_event WHERE kind = 'RAISED' AND day >= :f", f);
        int resolved = count("SELECT COUNT(*) FROM project_problem_event WHERE kind = 'RESOLVE' AND day >= :f", f);
        int closed = count("SELECT COUNT(*) FROM project_problem_event WHERE kind = 'VERIFY' AND day >= :f", f);
        int turnedRed = count("""
                SELECT COUNT(*) FROM project_colour_change WHERE stage_code IS NULL AND to_colour = 'RED'
                AND from_colour IS NOT NULL AND changed_on >= :f""", f);
        int leftRed = count("""
                SELECT COUNT(*) FROM project_colour_change WHERE stage_code IS NULL AND from_colour = 'RED'
                AND changed_on >= :f""", f);
        Map<StageColour, Long> now = new EnumMap<>(StageColour.class);
        for (StageColour c : StageColour.values()) {
            now.put(c, projects.all().stream().filter(p -> p.colour() == c).count());
        }
        return new Summary(from, to, reports, raised, resolved, closed, turnedRed, leftRed, now);
    }

    private int count(String sql, String from) {
        return jdbc.sql(sql).param("f", from).query(Integer.class).single();
    }
}
