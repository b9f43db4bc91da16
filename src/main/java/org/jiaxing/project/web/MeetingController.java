package org.jiaxing.project.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.Meetings;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 周例会 / 现场推进会: recent meetings and the form that records one (decisions become problems). */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN')")
class MeetingController {

    private final Meetings meetings;
    private final ProjectService projects;
    private final Departments departments;
    private final ProjectTime time;

    MeetingController(Meetings meetings, ProjectService projects, Departments departments, ProjectTime time) {
        this.meetings = meetings;
        this.projects = projects;
        this.departments = departments;
        this.time = time;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.recent(50));
        model.addAttribute("projects", projects.all().stream().sorted(Comparator.comparing(Project::code)).toList());
        model.addAttribute("projectsById", projects.all().stream()
                .collect(Collectors.toMap(Project::id, Function.identity())));
        model.addAttribute("departments", departments.all());
        model.addAttribute("today", time.today());
        return "project/meetings";
    }

    @PostMapping("/meetings")
    String record(@RequestParam(defaultValue = "WEEKLY") String kind, @RequestParam long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String attendees,
            @RequestParam(defaultValue = "") String minutes, @RequestParam(defaultValue = "") String decisions,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        meetings.record(kind, projectId, heldOn, title, attendees, minutes, Arrays.asList(decisions.split("\\R")),
                department, deadline, user);
        redirect.addFlashAttribute("notice", "project.notice.meeting");
        return "redirect:/meetings";
    }
}
