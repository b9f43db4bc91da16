package org.jiaxing.project.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.Problem;
import org.jiaxing.project.domain.ProblemAction;
import org.jiaxing.project.domain.ProblemLifecycle;
import org.jiaxing.project.domain.ProblemService;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectAccess;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 问题督办: the open problems the user may see (overdue first), one problem with its history, and the
 * lifecycle steps. Who may take which step is decided in {@link ProblemService}.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN','PROJECT_MEMBER','DEPARTMENT')")
class ProblemController {

    private final ProblemService problems;
    private final ProjectService projects;
    private final ProjectAccess access;
    private final Departments departments;
    private final ProjectTime time;

    ProblemController(ProblemService problems, ProjectService projects, ProjectAccess access, Departments departments,
            ProjectTime time) {
        this.problems = problems;
        this.projects = projects;
        this.access = access;
        this.departments = departments;
        this.time = time;
    }

    @GetMapping("/problems")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        List<Problem> open = problems.openFor(user);
        model.addAttribute("problems", open);
        model.addAttribute("projects", projects.all().stream().collect(Collectors.toMap(Project::id, Function.identity())));
        model.addAttribute("departments", departments.byCode());
        model.addAttribute("today", time.today());
        model.addAttribute("overdueCount", open.stream().filter(p -> p.isOverdue(time.today())).count());
        return "project/problems";
    }

    @GetMapping("/problems/{id}")
    String problem(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        Problem problem = problems.requireVisible(id, user);
        Project project = projects.find(problem.projectId()).orElseThrow();
        model.addAttribute("problem", problem);
        model.addAttribute("project", project);
        model.addAttribute("projectVisible", access.canView(project, user));
        model.addAttribute("history", problems.history(id));
        model.addAttribute("departments", departments.byCode());
        model.addAttribute("today", time.today());
        boolean supervisor = ProjectAccess.seesAll(user);
        boolean assigned = problems.isAssignedTo(problem, user);
        boolean raiser = problem.raisedById() == user.id();
        Map<String, Boolean> can = new java.util.HashMap<>();
        can.put("assign", access.canAssign(project, user) && ProblemLifecycle.allows(problem.status(), ProblemAction.ASSIGN));
        can.put("start", assigned && ProblemLifecycle.allows(problem.status(), ProblemAction.START));
        can.put("resolve", assigned && ProblemLifecycle.allows(problem.status(), ProblemAction.RESOLVE));
        can.put("verify", (supervisor || raiser) && ProblemLifecycle.allows(problem.status(), ProblemAction.VERIFY));
        can.put("reopen", (supervisor || raiser) && ProblemLifecycle.allows(problem.status(), ProblemAction.REOPEN));
        can.put("supervise", supervisor);
        can.put("escalate", supervisor && problem.status().isOpen() && !problem.escalated());
        model.addAttribute("can", can);
        return "project/problem";
    }

    @PostMapping("/problems/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(name = "department", required = false) List<String> to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(defaultValue = "") String instruction, @RequestParam(required = false) String oralBy,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        Set<String> departmentsTo = to == null ? Set.of() : new LinkedHashSet<>(to);
        problems.assign(id, departmentsTo, deadline, instruction, oralBy, user);
        return done(id, "assigned", redirect);
    }

    @PostMapping("/problems/{id}/{step:start|resolve|verify|reopen|note|escalate}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String note,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        switch (step) {
            case "start" -> problems.start(id, note, user);
            case "resolve" -> problems.resolve(id, note, user);
            case "verify" -> problems.verify(id, note, user);
            case "reopen" -> problems.reopen(id, note, user);
            case "note" -> problems.supervise(id, note, user);
            default -> problems.escalate(id, note, user);
        }
        return done(id, step, redirect);
    }

    private static String done(long id, String step, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "project.notice.problem." + step);
        return "redirect:/problems/" + id;
    }
}
