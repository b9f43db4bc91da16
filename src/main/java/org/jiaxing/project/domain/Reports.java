package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 现场直播: text, photos and short videos from the site; a report may move a stage's percent. */
@Service
public class Reports {

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final ProjectService projects;
    private final Attachments attachments;
    private final AuditLog audit;
    private final ProjectTime time;

    Reports(JdbcClient jdbc, ProjectAccess access, ProjectService projects, Attachments attachments, AuditLog audit,
            ProjectTime time) {
        this.jdbc = jdbc;
        this.access = access;
        this.projects = projects;
        this.attachments = attachments;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public long post(long projectId, String body, String plan, String stageCode, Integer percent, List<Upload> files,
            StaffUser user) {
        Project project = access.requireVisible(projectId, user);
        if (!access.canPost(project, user)) {
            throw ProjectActionDenied.action("report");
        }
        String text = ProblemService.text(body, ProblemService.TEXT_MAX, "project.error.reportBody");
        String tomorrow = plan == null || plan.isBlank() ? null
                : ProblemService.text(plan, ProblemService.TEXT_MAX, "project.error.reportBody");
        List<Attachments.Checked> checked = attachments.check(files);
        boolean marksProgress = stageCode != null && !stageCode.isBlank() && percent != null;
        if (marksProgress) {
            projects.markProgress(projectId, stageCode, percent, user);
        }
        long id = jdbc.sql("""
                INSERT INTO project_report (project_id, author_id, author_name, body, plan, stage_code, percent_done, day, created_at)
                VALUES (:p, :author, :name, :body, :plan, :stage, :percent, :day, :at) RETURNING id""")
                .param("p", projectId).param("author", user.id()).param("name", user.displayName())
                .param("body", text).param("plan", tomorrow).param("stage", marksProgress ? stageCode : null)
                .param("percent", marksProgress ? percent : null).param("day", time.today().toString())
                .param("at", DbTime.toDb(time.now())).query(Long.class).single();
        attachments.save("REPORT", id, projectId, checked);
        audit.record(AuditEntry.of(user.getUsername(), "PROJECT_REPORT", "project", projectId, null,
                "report=" + id + " files=" + checked.size() + (marksProgress ? " " + stageCode + "=" + percent + "%" : "")));
        return id;
    }

    public List<Report> timeline(long projectId, int limit) {
        return withFiles(jdbc.sql("""
                SELECT id, project_id, author_name, body, plan, stage_code, percent_done, day, created_at
                FROM project_report WHERE project_id = :p ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("p", projectId).param("limit", limit).query(Reports::row).list());
    }

    /** Reports of one day, all projects (morning sheet). */
    public List<Report> ofDay(LocalDate day) {
        return jdbc.sql("""
                SELECT id, project_id, author_name, body, plan, stage_code, percent_done, day, created_at
                FROM project_report WHERE day = :day ORDER BY created_at""")
                .param("day", day.toString()).query(Reports::row).list();
    }

    private List<Report> withFiles(List<Report> reports) {
        Map<Long, List<Attachment>> files = attachments.of("REPORT", reports.stream().map(Report::id).toList());
        return reports.stream().map(r -> new Report(r.id(), r.projectId(), r.authorName(), r.body(), r.plan(),
                r.stageCode(), r.percent(), r.day(), r.at(), files.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Report row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int percent = rs.getInt("percent_done");
        Integer p = rs.wasNull() ? null : percent;
        return new Report(rs.getLong("id"), rs.getLong("project_id"), rs.getString("author_name"), rs.getString("body"),
                rs.getString("plan"), rs.getString("stage_code"), p, LocalDate.parse(rs.getString("day")),
                DbTime.fromDb(rs.getLong("created_at")), List.of());
    }

}
