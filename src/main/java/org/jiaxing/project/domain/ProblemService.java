package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.project.ProjectNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题处置 and 督办. Any member raises a problem (also from the channel); the supervision office or the
 * project's leader assigns it (交办) to departments with a deadline and a written instruction, noting who gave
 * an oral one; the department starts and resolves it; whoever raised it or the supervision office verifies
 * (closes) or reopens it. The supervision office adds notes and escalates. Every step is a history event
 * and an audit entry, in the same transaction.
 */
@Service
public class ProblemService {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final ProblemStore store;
    private final ProjectStore projects;
    private final ProjectAccess access;
    private final Departments departments;
    private final AuditLog audit;
    private final ProjectTime time;

    ProblemService(ProblemStore store, ProjectStore projects, ProjectAccess access, Departments departments,
            AuditLog audit, ProjectTime time) {
        this.store = store;
        this.projects = projects;
        this.access = access;
        this.departments = departments;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public long raise(long projectId, NewProblem problem, StaffUser user, Long sourceMessageId) {
        Project project = access.requireVisible(projectId, user);
        if (!access.canPost(project, user)) {
            throw ProjectActionDenied.action("raise");
        }
        return raiseUnchecked(projectId, problem, user.id(), user.displayName(), user.getUsername(), sourceMessageId,
                null);
    }

    long raiseUnchecked(long projectId, NewProblem problem, long byId, String byName, String actor,
            Long sourceMessageId, Long sourceMeetingId) {
        String title = text(problem.title(), TITLE_MAX, "project.error.problemTitle");
        String description = text(problem.description(), TEXT_MAX, "project.error.problemDescription");
        if (problem.category() == null) {
            throw InvalidProjectInput.of("project.error.problemCategory");
        }
        NewProblem clean = new NewProblem(title, description, problem.category(), problem.needsCoordination());
        long id = store.insert(projectId, clean, byId, byName, sourceMessageId, sourceMeetingId, time.now());
        store.event(id, "RAISED", null, ProblemStatus.RAISED, byName, problem.needsCoordination() ? "needs-coordination"
                : null, time.today(), time.now());
        audit.record(AuditEntry.of(actor, "PROBLEM_RAISE", "problem", id, null,
                "project=" + projectId + " category=" + problem.category()));
        return id;
    }

    @Transactional
    public void assign(long problemId, Set<String> to, LocalDate deadline, String instruction, String oralBy,
            StaffUser user) {
        Problem problem = requireVisible(problemId, user);
        Project project = projects.find(problem.projectId()).orElseThrow();
        if (!access.canAssign(project, user)) {
            throw ProjectActionDenied.action("assign");
        }
        ProblemStatus next = ProblemLifecycle.next(problem.status(), ProblemAction.ASSIGN);
        if (to == null || to.isEmpty() || !departments.byCode().keySet().containsAll(to)) {
            throw InvalidProjectInput.of("project.error.departments");
        }
        if (deadline == null || deadline.isBefore(time.today())) {
            throw InvalidProjectInput.of("project.error.deadline");
        }
        String written = text(instruction, TEXT_MAX, "project.error.instruction");
        String oral = oralBy == null || oralBy.isBlank() ? null : oralBy.strip();
        if (oral != null && oral.length() > 128) {
            throw InvalidProjectInput.of("project.error.oralBy");
        }
        store.assign(problemId, to, deadline, written, oral, time.now());
        String note = String.join(",", to) + " ≤" + deadline + (oral == null ? "" : " oral=" + oral) + ": " + written;
        store.event(problemId, "ASSIGN", problem.status(), next, user.displayName(), note, time.today(), time.now());
        audit.record(AuditEntry.of(user.getUsername(), "PROBLEM_ASSIGN", "problem", problemId, null,
                limit(problem.status() + "->" + next + " to=" + String.join(",", to) + " deadline=" + deadline
                        + (oral == null ? "" : " oral"), 1000)));
    }

    @Transactional
    public void start(long problemId, String note, StaffUser user) {
        departmentStep(problemId, ProblemAction.START, note, user);
    }

    @Transactional
    public void resolve(long problemId, String note, StaffUser user) {
        departmentStep(problemId, ProblemAction.RESOLVE, note, user);
    }

    private void departmentStep(long problemId, ProblemAction action, String note, StaffUser user) {
        Problem problem = requireVisible(problemId, user);
        if (!isAssignedTo(problem, user)) {
            throw ProjectActionDenied.action(action.name().toLowerCase(java.util.Locale.ROOT));
        }
        transition(problem, action, optional(note), user);
    }

    @Transactional
    public void verify(long problemId, String note, StaffUser user) {
        Problem problem = requireVisible(problemId, user);
        if (!ProjectAccess.seesAll(user) && problem.raisedById() != user.id()) {
            throw ProjectActionDenied.action("verify");
        }
        transition(problem, ProblemAction.VERIFY, optional(note), user);
    }

    @Transactional
    public void reopen(long problemId, String note, StaffUser user) {
        Problem problem = requireVisible(problemId, user);
        if (!ProjectAccess.seesAll(user) && problem.raisedById() != user.id()) {
            throw ProjectActionDenied.action("reopen");
        }
        ProblemLifecycle.next(problem.status(), ProblemAction.REOPEN);
        transition(problem, ProblemAction.REOPEN, text(note, TEXT_MAX, "project.error.reopenReason"), user);
    }

    /** 督办 note by the supervision office; no status change. */
    @Transactional
    public void supervise(long problemId, String note, StaffUser user) {
        Problem problem = requireSupervisor(problemId, user);
        String text = text(note, TEXT_MAX, "project.error.note");
        store.event(problem.id(), "NOTE", null, null, user.displayName(), text, time.today(), time.now());
        audit.record(AuditEntry.of(user.getUsername(), "PROBLEM_NOTE", "problem", problemId, null, null));
    }

    /** Escalates to higher-level coordination (上级协调). */
    @Transactional
    public void escalate(long problemId, String note, StaffUser user) {
        Problem problem = requireSupervisor(problemId, user);
        if (!problem.status().isOpen()) {
            throw new org.jiaxing.project.IllegalProblemTransition(problem.status(), "ESCALATE");
        }
        store.escalate(problemId, time.now());
        store.event(problemId, "ESCALATE", null, null, user.displayName(), optional(note), time.today(), time.now());
        audit.record(AuditEntry.of(user.getUsername(), "PROBLEM_ESCALATE", "problem", problemId, null, null));
    }

    private Problem requireSupervisor(long problemId, StaffUser user) {
        Problem problem = requireVisible(problemId, user);
        if (!ProjectAccess.seesAll(user)) {
            throw ProjectActionDenied.action("supervise");
        }
        return problem;
    }

    private void transition(Problem problem, ProblemAction action, String note, StaffUser user) {
        ProblemStatus next = ProblemLifecycle.next(problem.status(), action);
        store.setStatus(problem.id(), next, time.now());
        store.event(problem.id(), action.name(), problem.status(), next, user.displayName(), note, time.today(),
                time.now());
        audit.record(AuditEntry.of(user.getUsername(), "PROBLEM_" + action.name(), "problem", problem.id(), null,
                problem.status() + "->" + next));
    }

    /** Flags every overdue problem once today; the daily job calls it. */
    @Transactional
    public int flagOverdue() {
        return store.flagOverdue(time.today(), time.now());
    }

    public boolean isAssignedTo(Problem problem, StaffUser user) {
        if (!user.hasRole(Role.DEPARTMENT)) {
            return false;
        }
        Set<String> mine = departments.of(user.id());
        return problem.departments().stream().anyMatch(mine::contains);
    }

    public boolean canView(Problem problem, StaffUser user) {
        if (ProjectAccess.seesAll(user) || isAssignedTo(problem, user)) {
            return true;
        }
        return projects.find(problem.projectId()).map(p -> access.canView(p, user)).orElse(false);
    }

    public Problem requireVisible(long problemId, StaffUser user) {
        return store.find(problemId).filter(p -> canView(p, user))
                .orElseThrow(() -> ProjectNotFound.problem(problemId));
    }

    public List<Problem> ofProject(long projectId) {
        return store.ofProject(projectId).stream().sorted(Comparator.comparing(Problem::id).reversed()).toList();
    }

    /**
     * Open problems the user may see, overdue first (most overdue first), then by deadline (none last).
     * SUPERVISOR and CITY_ADMIN: all; DEPARTMENT: those assigned to their department; others: their projects'.
     */
    public List<Problem> openFor(StaffUser user) {
        LocalDate today = time.today();
        List<Problem> candidates = user.hasRole(Role.DEPARTMENT) ? store.ofDepartments(departments.of(user.id()))
                : store.open();
        return candidates.stream().filter(p -> p.status().isOpen()).filter(p -> canView(p, user))
                .sorted(Comparator.comparing((Problem p) -> !p.isOverdue(today))
                        .thenComparing(p -> p.deadline() == null ? LocalDate.MAX : p.deadline())
                        .thenComparing(Problem::id))
                .toList();
    }

    public List<Problem> all() {
        return store.all();
    }

    public List<ProblemEvent> history(long problemId) {
        return store.history(problemId);
    }

    public int overdueFlags(long problemId) {
        return store.overdueFlags(problemId);
    }

    java.util.Map<Long, LocalDate> resolvedDays() {
        return store.resolvedDays();
    }

    static String text(String value, int max, String errorKey) {
        if (value == null || value.isBlank()) {
            throw InvalidProjectInput.of(errorKey);
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw InvalidProjectInput.of("project.error.tooLong", max);
        }
        return clean;
    }

    private static String optional(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, TEXT_MAX, "project.error.note");
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
