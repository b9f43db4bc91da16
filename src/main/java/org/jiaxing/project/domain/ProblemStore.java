package org.jiaxing.project.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProblemStore {

    private static final String COLUMNS = """
            id, project_id, title, description, category, needs_coordination, status, raised_by_id, raised_by_name,
            raised_at, deadline, instruction, oral_by, escalated, source_message_id""";

    private final JdbcClient jdbc;

    ProblemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long projectId, NewProblem p, long byId, String byName, Long sourceMessageId, Long sourceMeetingId,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO project_problem (project_id, title, description, category, needs_coordination, status,
                    raised_by_id, raised_by_name, raised_at, source_message_id, source_meeting_id, updated_at)
                VALUES (:project, :title, :description, :category, :coordination, 'RAISED', :byId, :byName, :now,
                    :message, :meeting, :now) RETURNING id""")
                .param("project", projectId).param("title", p.title()).param("description", p.description())
                .param("category", p.category().name()).param("coordination", p.needsCoordination() ? 1 : 0)
                .param("byId", byId).param("byName", byName).param("message", sourceMessageId)
                .param("meeting", sourceMeetingId).param("now", DbTime.toDb(now)).query(Long.class).single();
    }

    Optional<Problem> find(long id) {
        List<Problem> found = query("WHERE id = :id", Map.of("id", id));
        return found.stream().findFirst();
    }

    List<Problem> open() {
        return query("WHERE status <> 'CLOSED'", Map.of());
    }

    List<Problem> all() {
        return query("", Map.of());
    }

    List<Problem> ofProject(long projectId) {
        return query("WHERE project_id = :p", Map.of("p", projectId));
    }

    List<Problem> ofDepartments(Collection<String> departments) {
        if (departments.isEmpty()) {
            return List.of();
        }
        return query("WHERE id IN (SELECT problem_id FROM project_problem_department WHERE department_code IN (:d))",
                Map.of("d", departments));
    }

    private List<Problem> query(String where, Map<String, ?> params) {
        List<Problem> rows = jdbc.sql("SELECT " + COLUMNS + " FROM project_problem " + where + " ORDER BY id")
                .params(params).query(this::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<String>> departments = new HashMap<>();
        jdbc.sql("SELECT problem_id, department_code FROM project_problem_department").query(rs -> {
            departments.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return rows.stream().map(p -> withDepartments(p, departments.getOrDefault(p.id(), Set.of()))).toList();
    }

    private static Problem withDepartments(Problem p, Set<String> departments) {
        return new Problem(p.id(), p.projectId(), p.title(), p.description(), p.category(), p.needsCoordination(),
                p.status(), p.raisedById(), p.raisedByName(), p.raisedAt(), p.deadline(), p.instruction(), p.oralBy(),
                p.escalated(), java.util.Collections.unmodifiableSortedSet(new TreeSet<>(departments)), p.sourceMessageId());
    }

    private Problem row(ResultSet rs, int row) throws SQLException {
        String deadline = rs.getString("deadline");
        long message = rs.getLong("source_message_id");
        Long source = rs.wasNull() ? null : message;
        return new Problem(rs.getLong("id"), rs.getLong("project_id"), rs.getString("title"),
                rs.getString("description"), ProblemCategory.valueOf(rs.getString("category")),
                rs.getInt("needs_coordination") == 1, ProblemStatus.valueOf(rs.getString("status")),
                rs.getLong("raised_by_id"), rs.getString("raised_by_name"), DbTime.fromDb(rs.getLong("raised_at")),
                deadline == null ? null : LocalDate.parse(deadline), rs.getString("instruction"),
                rs.getString("oral_by"), rs.getInt("escalated") == 1, Set.of(), source);
    }

    void setStatus(long id, ProblemStatus status, Instant now) {
        jdbc.sql("UPDATE project_problem SET status = :s, updated_at = :now WHERE id = :id").param("s", status.name())
                .param("now", DbTime.toDb(now)).param("id", id).update();
    }

    void assign(long id, Set<String> departments, LocalDate deadline, String instruction, String oralBy, Instant now) {
        jdbc.sql("""
                UPDATE project_problem SET status = 'ASSIGNED', deadline = :deadline, instruction = :instruction,
                    oral_by = :oral, updated_at = :now WHERE id = :id""")
                .param("deadline", deadline.toString()).param("instruction", instruction).param("oral", oralBy)
                .param("now", DbTime.toDb(now)).param("id", id).update();
        jdbc.sql("DELETE FROM project_problem_department WHERE problem_id = :id").param("id", id).update();
        for (String department : departments) {
            jdbc.sql("INSERT INTO project_problem_department (problem_id, department_code) VALUES (:id, :d)")
                    .param("id", id).param("d", department).update();
        }
    }

    void escalate(long id, Instant now) {
        jdbc.sql("UPDATE project_problem SET escalated = 1, updated_at = :now WHERE id = :id")
                .param("now", DbTime.toDb(now)).param("id", id).update();
    }

    void event(long problemId, String kind, ProblemStatus from, ProblemStatus to, String actor, String note,
            LocalDate day, Instant at) {
        jdbc.sql("""
                INSERT INTO project_problem_event (problem_id, kind, from_status, to_status, actor, note, day, at)
                VALUES (:p, :kind, :from, :to, :actor, :note, :day, :at)""")
                .param("p", problemId).param("kind", kind).param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name()).param("actor", actor).param("note", note)
                .param("day", day.toString()).param("at", DbTime.toDb(at)).update();
    }

    /** Flags every open problem past its deadline once for {@code today}; returns how many were flagged now. */
    int flagOverdue(LocalDate today, Instant at) {
        return jdbc.sql("""
                INSERT INTO project_problem_event (problem_id, kind, actor, day, at)
                SELECT p.id, 'OVERDUE', 'system', :day, :at FROM project_problem p
                WHERE p.status <> 'CLOSED' AND p.deadline IS NOT NULL AND p.deadline < :day
                  AND NOT EXISTS (SELECT 1 FROM project_problem_event e
                                  WHERE e.problem_id = p.id AND e.kind = 'OVERDUE' AND e.day = :day)""")
                .param("day", today.toString()).param("at", DbTime.toDb(at)).update();
    }

    List<ProblemEvent> history(long problemId) {
        return jdbc.sql("""
                SELECT id, problem_id, kind, from_status, to_status, actor, note, day, at FROM project_problem_event
                WHERE problem_id = :p ORDER BY at, id""")
                .param("p", problemId)
                .query((rs, row) -> new ProblemEvent(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4) == null ? null : ProblemStatus.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : ProblemStatus.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), LocalDate.parse(rs.getString(8)), DbTime.fromDb(rs.getLong(9))))
                .list();
    }

    int overdueFlags(long problemId) {
        return jdbc.sql("SELECT COUNT(*) FROM project_problem_event WHERE problem_id = :p AND kind = 'OVERDUE'")
                .param("p", problemId).query(Integer.class).single();
    }

    /** Day each problem was resolved (first RESOLVED event), for on-time rates. */
    Map<Long, LocalDate> resolvedDays() {
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.sql("SELECT problem_id, MIN(day) FROM project_problem_event WHERE to_status = 'RESOLVED' GROUP BY problem_id")
                .query(rs -> {
                    days.put(rs.getLong(1), LocalDate.parse(rs.getString(2)));
                });
        return days;
    }
}
