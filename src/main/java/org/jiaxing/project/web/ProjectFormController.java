package org.jiaxing.project.web;

import java.time.LocalDate;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Towns;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.domain.NewProject;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectAccess;
import org.jiaxing.project.domain.ProjectService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a key project (supervision office, city administrator) and adding members by their login
 * name (also the project's leader in charge). Members must be PROJECT_MEMBER accounts.
 */
@Controller
class ProjectFormController {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final UserDetailsService users;
    private final Towns towns;

    ProjectFormController(ProjectService projects, ProjectAccess access, UserDetailsService users, Towns towns) {
        this.projects = projects;
        this.access = access;
        this.users = users;
        this.towns = towns;
    }

    @GetMapping("/projects/new")
    @PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN')")
    String form(Model model) {
        model.addAttribute("towns", towns.all());
        model.addAttribute("types", ProjectType.values());
        return "project/form";
    }

    @PostMapping("/projects")
    @PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN')")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String ownerCompany, @RequestParam(defaultValue = "") String official,
            @RequestParam(defaultValue = "") String town, @RequestParam(required = false) String zoneName,
            @RequestParam(required = false) ProjectType type, @RequestParam(defaultValue = "0") long investmentWan,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedStart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFinish,
            @RequestParam(defaultValue = "") String location, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        StaffUser responsible = member(official);
        if (plannedStart == null || plannedFinish == null) {
            throw InvalidProjectInput.of("project.error.date");
        }
        if (investmentWan < 0) {
            throw InvalidProjectInput.of("project.error.investment");
        }
        long id = projects.create(new NewProject(code.strip().toUpperCase(java.util.Locale.ROOT), name.strip(),
                ownerCompany.strip(), responsible.id(), responsible.displayName(), town,
                zoneName == null || zoneName.isBlank() ? null : zoneName.strip(), type, investmentWan, plannedStart,
                plannedFinish, location.strip()), user.getUsername());
        redirect.addFlashAttribute("notice", "project.notice.created");
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/members")
    @PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','PROJECT_MEMBER')")
    String addMember(@PathVariable long id, @RequestParam(defaultValue = "") String username,
            @RequestParam MemberRole role, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        Project project = access.requireVisible(id, user);
        if (!access.canAssign(project, user)) {
            throw ProjectActionDenied.action("member");
        }
        StaffUser member = member(username);
        projects.addMember(id, member.id(), member.displayName(), role, user.getUsername());
        redirect.addFlashAttribute("notice", "project.notice.memberAdded");
        return "redirect:/projects/" + id;
    }

    private StaffUser member(String username) {
        try {
            if (users.loadUserByUsername(username.strip()) instanceof StaffUser staff
                    && staff.hasRole(Role.PROJECT_MEMBER)) {
                return staff;
            }
        } catch (UsernameNotFoundException e) {
            // reported below, like an account of another role
        }
        throw InvalidProjectInput.of("project.error.member", username);
    }
}
