package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 周例会 / 现场推进会: minutes, attendees and decisions. Each decision line becomes a problem of the project,
 * assigned at once to the chosen department when one is given.
 */
@Service
public class Meetings {

    public record Meeting(long id, String kind, long projectId, LocalDate heldOn, String title, String attendees,
            String minutes, String createdBy, List<Decision> decisions) {
    }

    public record Decision(long problemId, String title, ProblemStatus status) {
    }

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final ProblemService problems;
    private final AuditLog audit;
    private final ProjectTime time;

    Meetings(JdbcClient jdbc, ProjectAccess access, ProblemService problems, AuditLog audit, ProjectTime time) {
        this.jdbc = jdbc;
        this.access = access;
        this.problems = problems;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public long record(String kind, long projectId, LocalDate heldOn, String title, String attendees, String minutes,
            List<String> decisions, String department, LocalDate deadline, StaffUser user) {
        Project project = access.requireVisible(projectId, user);
        if (!access.canAssign(project, user)) {
            throw ProjectActionDenied.action("meeting");
        }
        if (!"WEEKLY".equals(kind) && !"ONSITE".equals(kind)) {
            throw InvalidProjectInput.of("project.error.meetingKind");
        }
        if (heldOn == null || heldOn.isAfter(time.today())) {
            throw InvalidProjectInput.of("project.error.meetingDate");
        }
        String cleanTitle = ProblemService.text(title, ProblemService.TITLE_MAX, "project.error.meetingTitle");
        String who = ProblemService.text(attendees, ProblemService.TEXT_MAX, "project.error.attendees");
        String text = ProblemService.text(minutes, ProblemService.TEXT_MAX, "project.error.minutes");
        long id = jdbc.sql("""
                INSERT INTO project_meeting (kind, project_id, held_on, title, attendees, minutes, created_by, created_at)
                VALUES (:k, :p, :d, :t, :a, :m, :by, :at) RETURNING id""")
                .param("k", kind).param("p", projectId).param("d", heldOn.toString()).param("t", cleanTitle)
                .param("a", who).param("m", text).param("by", user.displayName()).param("at", DbTime.toDb(time.now()))
                .query(Long.class).single();
        List<String> lines = decisions == null ? List.of()
                : decisions.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            long problem = problems.raiseUnchecked(projectId, new org.jiaxing.project.domain.NewProblem(line,
                    cleanTitle + "（" + heldOn + "）决定：" + line, ProblemCategory.OTHER, false), user.id(),
                    user.displayName(), user.getUsername(), null, id);
            if (department != null && !department.isBlank()) {
                problems.assign(problem, Set.of(department), deadline, "会议决定：" + line, null, user);
            }
        }
        audit.record(AuditEntry.of(user.getUsername(), "PROJECT_MEETING", "project", projectId, null,
                "meeting=" + id + " kind=" + kind + " decisions=" + lines.size()));
        return id;
    }

    public List<Meeting> recent(int limit) {
        return jdbc.sql("""
                SELECT id, kind, project_id, held_on, title, attendees, minutes, created_by FROM project_meeting
                ORDER BY held_on DESC, id DESC LIMIT :n""")
                .param("n", limit)
                .query((rs, row) -> new Meeting(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        LocalDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), decisions(rs.getLong(1))))
                .list();
    }

    private List<Decision> decisions(long meetingId) {
        return jdbc.sql("SELECT id, title, status FROM project_problem WHERE source_meeting_id = :m ORDER BY id")
                .param("m", meetingId)
                .query((rs, row) -> new Decision(rs.getLong(1), rs.getString(2), ProblemStatus.valueOf(rs.getString(3))))
                .list();
    }
}
