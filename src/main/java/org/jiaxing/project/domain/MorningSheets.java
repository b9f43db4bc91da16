package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.StageColour;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates and keeps the morning meeting sheets. Generated every working day at
 * {@code jiaxing.project.morning-sheet-time} by {@link DailyJobs}, and again on demand (which replaces the
 * day's sheet with a fresh one).
 */
@Service
public class MorningSheets {

    private final JdbcClient jdbc;
    private final ProjectStore projects;
    private final ProblemStore problems;
    private final Reports reports;
    private final SiteVisits visits;
    private final ColourKeeper colours;
    private final AuditLog audit;
    private final ProjectTime time;

    MorningSheets(JdbcClient jdbc, ProjectStore projects, ProblemStore problems, Reports reports, SiteVisits visits,
            ColourKeeper colours, AuditLog audit, ProjectTime time) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.problems = problems;
        this.reports = reports;
        this.visits = visits;
        this.colours = colours;
        this.audit = audit;
        this.time = time;
    }

    public boolean exists(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM morning_sheet WHERE day = :d").param("d", day.toString())
                .query(Long.class).single() > 0;
    }

    @Transactional
    public MorningSheet generate(LocalDate day, String by) {
        colours.refreshAll();
        LocalDate yesterday = ProjectTime.previousWorkingDay(day);
        List<Project> all = projects.all();
        Map<Long, Project> byId = all.stream().collect(Collectors.toMap(Project::id, p -> p));
        // reports since the previous working day (a Monday sheet includes the weekend)
        Map<Long, List<Report>> reported = new java.util.HashMap<>();
        for (LocalDate d = yesterday; d.isBefore(day); d = d.plusDays(1)) {
            reports.ofDay(d).forEach(r -> reported.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r));
        }
        List<MorningSheet.Line> lines = new ArrayList<>();
        all.stream().sorted(Comparator.comparing((Project p) -> -p.colour().ordinal()).thenComparing(Project::code))
                .forEach(p -> {
                    List<Report> rs = reported.getOrDefault(p.id(), List.of());
                    String progress = rs.stream().map(Report::body).collect(Collectors.joining("\n"));
                    String plan = rs.stream().map(Report::plan).filter(x -> x != null && !x.isBlank())
                            .collect(Collectors.joining("\n"));
                    lines.add(new MorningSheet.Line("PROJECT", p.id(), p.colour(), p.name(),
                            progress.isEmpty() ? null : progress, plan.isEmpty() ? null : plan));
                });
        problems.open().stream().filter(pr -> pr.isOverdue(day) || pr.isDueOn(day))
                .sorted(Comparator.comparing(Problem::deadline).thenComparing(Problem::id))
                .forEach(pr -> lines.add(new MorningSheet.Line("PROBLEM", pr.projectId(),
                        byId.get(pr.projectId()).colour(), pr.title(), byId.get(pr.projectId()).name(),
                        pr.deadline().toString())));
        Map<Long, LocalDate> lastOnSite = visits.lastOfficialDays();
        all.stream().filter(p -> visits.isAbsent(lastOnSite.get(p.id()), day)).sorted(Comparator.comparing(Project::code))
                .forEach(p -> lines.add(new MorningSheet.Line("ABSENT", p.id(), p.colour(), p.officialName(), p.name(),
                        lastOnSite.containsKey(p.id()) ? lastOnSite.get(p.id()).toString() : null)));

        jdbc.sql("DELETE FROM morning_sheet_line WHERE sheet_day = :d").param("d", day.toString()).update();
        jdbc.sql("DELETE FROM morning_sheet WHERE day = :d").param("d", day.toString()).update();
        jdbc.sql("INSERT INTO morning_sheet (day, generated_at, generated_by) VALUES (:d, :at, :by)")
                .param("d", day.toString()).param("at", DbTime.toDb(time.now())).param("by", by).update();
        int seq = 0;
        for (MorningSheet.Line line : lines) {
            jdbc.sql("""
                    INSERT INTO morning_sheet_line (sheet_day, section, seq, project_id, colour, title, detail, extra)
                    VALUES (:d, :section, :seq, :p, :colour, :title, :detail, :extra)""")
                    .param("d", day.toString()).param("section", line.section()).param("seq", seq++)
                    .param("p", line.projectId()).param("colour", line.colour() == null ? null : line.colour().name())
                    .param("title", line.title()).param("detail", line.detail()).param("extra", line.extra()).update();
        }
        audit.record(new AuditEntry(by, "MORNING_SHEET_GENERATE", "morning_sheet", day.toString(), null,
                "lines=" + lines.size()));
        return find(day).orElseThrow();
    }

    public Optional<MorningSheet> find(LocalDate day) {
        return jdbc.sql("SELECT generated_at, generated_by FROM morning_sheet WHERE day = :d").param("d", day.toString())
                .query((rs, row) -> new Object[] {DbTime.fromDb(rs.getLong(1)), rs.getString(2)}).optional()
                .map(head -> {
                    List<MorningSheet.Line> lines = jdbc.sql("""
                            SELECT section, project_id, colour, title, detail, extra FROM morning_sheet_line
                            WHERE sheet_day = :d ORDER BY seq""")
                            .param("d", day.toString())
                            .query((rs, row) -> new MorningSheet.Line(rs.getString(1), rs.getLong(2),
                                    rs.getString(3) == null ? null : StageColour.valueOf(rs.getString(3)),
                                    rs.getString(4), rs.getString(5), rs.getString(6)))
                            .list();
                    return new MorningSheet(day, ProjectTime.previousWorkingDay(day), (java.time.Instant) head[0],
                            (String) head[1], section(lines, "PROJECT"), section(lines, "PROBLEM"),
                            section(lines, "ABSENT"));
                });
    }

    public List<LocalDate> days(int limit) {
        return jdbc.sql("SELECT day FROM morning_sheet ORDER BY day DESC LIMIT :n").param("n", limit)
                .query((rs, row) -> LocalDate.parse(rs.getString(1))).list();
    }

    private static List<MorningSheet.Line> section(List<MorningSheet.Line> lines, String section) {
        return lines.stream().filter(l -> l.section().equals(section)).toList();
    }
}
