package org.jiaxing.project.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作群: the project's work channel, visible to its members and the supervision office, newest first.
 * {@code @name} notifies the member of that name; a message becomes a problem in one step.
 */
@Service
public class Channel {

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final ProjectService projects;
    private final ProblemService problems;
    private final Attachments attachments;
    private final AuditLog audit;
    private final ProjectTime time;

    Channel(JdbcClient jdbc, ProjectAccess access, ProjectService projects, ProblemService problems,
            Attachments attachments, AuditLog audit, ProjectTime time) {
        this.jdbc = jdbc;
        this.access = access;
        this.projects = projects;
        this.problems = problems;
        this.attachments = attachments;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public long post(long projectId, String body, List<Upload> files, StaffUser user) {
        Project project = access.requireVisible(projectId, user);
        if (!access.canPost(project, user)) {
            throw ProjectActionDenied.action("message");
        }
        String text = ProblemService.text(body, ProblemService.TEXT_MAX, "project.error.messageBody");
        List<Attachments.Checked> checked = attachments.check(files);
        long id = jdbc.sql("""
                INSERT INTO project_message (project_id, author_id, author_name, body, created_at)
                VALUES (:p, :author, :name, :body, :at) RETURNING id""")
                .param("p", projectId).param("author", user.id()).param("name", user.displayName())
                .param("body", text).param("at", DbTime.toDb(time.now())).query(Long.class).single();
        attachments.save("MESSAGE", id, projectId, checked);
        for (long mentioned : mentioned(text, projects.members(projectId), user.id())) {
            jdbc.sql("""
                    INSERT INTO project_notification (user_id, project_id, message_id, created_at)
                    VALUES (:u, :p, :m, :at)""")
                    .param("u", mentioned).param("p", projectId).param("m", id).param("at", DbTime.toDb(time.now()))
                    .update();
        }
        return id;
    }

    /** Members named as {@code @name} (display name, or the part after a space, e.g. "@陆晓梅"), except the author. */
    static Set<Long> mentioned(String text, List<Member> members, long authorId) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Member member : members) {
            String name = member.userName();
            String shortName = name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
            if (member.userId() != authorId && (text.contains("@" + name) || text.contains("@" + shortName))) {
                ids.add(member.userId());
            }
        }
        return ids;
    }

    /** Turns a message into a problem (the message text becomes its description); returns the problem id. */
    @Transactional
    public long toProblem(long projectId, long messageId, String title, ProblemCategory category,
            boolean needsCoordination, StaffUser user) {
        Message message = messages(projectId, user, 500).stream().filter(m -> m.id() == messageId).findFirst()
                .orElseThrow(() -> InvalidProjectInput.of("project.error.message"));
        if (message.problemId() != null) {
            throw InvalidProjectInput.of("project.error.alreadyProblem");
        }
        String heading = title == null || title.isBlank()
                ? message.body().strip().lines().findFirst().orElse("").substring(0,
                        Math.min(60, message.body().strip().lines().findFirst().orElse("").length()))
                : title;
        long problemId = problems.raise(projectId, new NewProblem(heading, message.body(),
                category == null ? ProblemCategory.OTHER : category, needsCoordination), user, messageId);
        jdbc.sql("UPDATE project_message SET problem_id = :pr WHERE id = :id").param("pr", problemId)
                .param("id", messageId).update();
        audit.record(AuditEntry.of(user.getUsername(), "PROJECT_MESSAGE_TO_PROBLEM", "project", projectId, null,
                "message=" + messageId + " problem=" + problemId));
        return problemId;
    }

    public List<Message> messages(long projectId, StaffUser user, int limit) {
        access.requireVisible(projectId, user);
        List<Message> list = jdbc.sql("""
                SELECT id, project_id, author_id, author_name, body, problem_id, created_at FROM project_message
                WHERE project_id = :p ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("p", projectId).param("limit", limit)
                .query((rs, row) -> {
                    long problem = rs.getLong(6);
                    Long problemId = rs.wasNull() ? null : problem;
                    return new Message(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            problemId, DbTime.fromDb(rs.getLong(7)), List.of());
                }).list();
        Map<Long, List<Attachment>> files = attachments.of("MESSAGE", list.stream().map(Message::id).toList());
        return list.stream().map(m -> new Message(m.id(), m.projectId(), m.authorId(), m.authorName(), m.body(),
                m.problemId(), m.at(), files.getOrDefault(m.id(), List.of()))).toList();
    }

    /** Unread mentions of the user. */
    public long unread(StaffUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM project_notification WHERE user_id = :u AND read_at IS NULL")
                .param("u", user.id()).query(Long.class).single();
    }

    public long unread(StaffUser user, long projectId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM project_notification WHERE user_id = :u AND project_id = :p AND read_at IS NULL""")
                .param("u", user.id()).param("p", projectId).query(Long.class).single();
    }

    @Transactional
    public void markRead(StaffUser user, long projectId) {
        jdbc.sql("""
                UPDATE project_notification SET read_at = :at WHERE user_id = :u AND project_id = :p AND read_at IS NULL""")
                .param("at", DbTime.toDb(time.now())).param("u", user.id()).param("p", projectId).update();
    }
}
