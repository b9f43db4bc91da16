package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.project.ProjectNotFound;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-site days: a member scanning the project's site code on arrival. One row per person per day; the
 * responsible official's last day decides whether the project is flagged as "official not on site".
 */
@Service
public class SiteVisits {

    public record Visit(String userName, long userId, LocalDate day, java.time.Instant arrivedAt) {
    }

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectAccess access;
    private final SiteCodes sites;
    private final AuditLog audit;
    private final ProjectTime time;
    private final int absenceWorkingDays;

    SiteVisits(JdbcClient jdbc, ProjectService projects, ProjectAccess access, SiteCodes sites, AuditLog audit,
            ProjectTime time, ProjectProperties properties) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.sites = sites;
        this.audit = audit;
        this.time = time;
        this.absenceWorkingDays = properties.absenceWorkingDays();
    }

    /** Records the scan of a site code; returns the project. Only members of the project (or the office) count. */
    @Transactional
    public Project scan(String token, StaffUser user) {
        long venueId = sites.verify(token).orElseThrow(ProjectNotFound::siteCode);
        Project project = projects.bySiteVenue(venueId).orElseThrow(ProjectNotFound::siteCode);
        if (!access.canPost(project, user)) {
            throw ProjectActionDenied.notOnSite();
        }
        int added = jdbc.sql("""
                INSERT INTO project_site_visit (project_id, user_id, user_name, day, arrived_at)
                VALUES (:p, :u, :name, :day, :at) ON CONFLICT (project_id, user_id, day) DO NOTHING""")
                .param("p", project.id()).param("u", user.id()).param("name", user.displayName())
                .param("day", time.today().toString()).param("at", DbTime.toDb(time.now())).update();
        if (added > 0) {
            audit.record(AuditEntry.of(user.getUsername(), "PROJECT_SITE_SCAN", "project", project.id(), null,
                    time.today().toString()));
        }
        return project;
    }

    public List<Visit> recent(long projectId, int days) {
        return jdbc.sql("""
                SELECT user_name, user_id, day, arrived_at FROM project_site_visit WHERE project_id = :p AND day >= :since
                ORDER BY day DESC, arrived_at DESC""")
                .param("p", projectId).param("since", time.today().minusDays(days).toString())
                .query((rs, row) -> new Visit(rs.getString(1), rs.getLong(2), LocalDate.parse(rs.getString(3)),
                        DbTime.fromDb(rs.getLong(4))))
                .list();
    }

    /** Last day each project's responsible official was on site. */
    public Map<Long, LocalDate> lastOfficialDays() {
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.sql("""
                SELECT v.project_id, MAX(v.day) FROM project_site_visit v JOIN project p ON p.id = v.project_id
                WHERE v.user_id = p.official_id GROUP BY v.project_id""")
                .query(rs -> {
                    days.put(rs.getLong(1), LocalDate.parse(rs.getString(2)));
                });
        return days;
    }

    /** On-site days of the responsible official per project since a day (rankings). */
    public Map<Long, Integer> officialDaysSince(LocalDate since) {
        Map<Long, Integer> days = new HashMap<>();
        jdbc.sql("""
                SELECT v.project_id, COUNT(*) FROM project_site_visit v JOIN project p ON p.id = v.project_id
                WHERE v.user_id = p.official_id AND v.day >= :since GROUP BY v.project_id""")
                .param("since", since.toString())
                .query(rs -> {
                    days.put(rs.getLong(1), rs.getInt(2));
                });
        return days;
    }

    /**
     * Whether the official has been away too long: at least {@code absence-working-days} working days have
     * passed since their last on-site day (not counting today, which is still running).
     */
    public boolean isAbsent(LocalDate lastOnSite, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        if (lastOnSite == null) {
            return true;
        }
        return ProjectTime.workingDaysBetween(lastOnSite, yesterday) >= absenceWorkingDays;
    }

    public int absenceWorkingDays() {
        return absenceWorkingDays;
    }
}
