package org.jiaxing.project.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Towns;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.project.domain.ColourRules;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.NewProblem;
import org.jiaxing.project.domain.ProblemService;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectAccess;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.jiaxing.project.domain.Reports;
import org.jiaxing.project.domain.SiteCodes;
import org.jiaxing.project.domain.SiteVisits;
import org.jiaxing.project.domain.StagePlan;
import org.jiaxing.project.domain.ColourKeeper;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One project: facts, members, stages and colours, site code and on-site days, live reports, problems. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN','PROJECT_MEMBER')")
class ProjectPageController {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final ColourKeeper colours;
    private final Reports reports;
    private final SiteVisits visits;
    private final SiteCodes sites;
    private final ProblemService problems;
    private final Departments departments;
    private final Towns towns;
    private final ProjectTime time;

    ProjectPageController(ProjectService projects, ProjectAccess access, ColourKeeper colours, Reports reports,
            SiteVisits visits, SiteCodes sites, ProblemService problems, Departments departments, Towns towns,
            ProjectTime time) {
        this.projects = projects;
        this.access = access;
        this.colours = colours;
        this.reports = reports;
        this.visits = visits;
        this.sites = sites;
        this.problems = problems;
        this.departments = departments;
        this.towns = towns;
        this.time = time;
    }

    @GetMapping("/projects/{id}")
    String page(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model, Locale locale) {
        colours.refreshIfNewDay();
        Project project = access.requireVisible(id, user);
        LocalDate today = time.today();
        List<StagePlan> stages = projects.stages(id);
        ColourRules rules = colours.rules();
        model.addAttribute("project", project);
        model.addAttribute("area", project.area(towns.byCode(project.townCode()).map(t -> t.name(locale)).orElse("")));
        model.addAttribute("stages", stages);
        model.addAttribute("current", ProjectService.current(stages).orElse(null));
        model.addAttribute("expected", stages.stream().collect(Collectors.toMap(StagePlan::stageCode,
                s -> (int) Math.round(ColourRules.elapsedPercent(s, today)))));
        model.addAttribute("members", projects.members(id));
        model.addAttribute("reports", reports.timeline(id, 30));
        model.addAttribute("visits", visits.recent(id, 14));
        LocalDate last = visits.lastOfficialDays().get(id);
        model.addAttribute("officialAbsent", visits.isAbsent(last, today));
        model.addAttribute("lastOnSite", last);
        model.addAttribute("problems", problems.ofProject(id));
        model.addAttribute("history", projects.colourHistory(id).stream().limit(20).toList());
        model.addAttribute("canManage", access.canManageStages(project, user));
        model.addAttribute("canPost", access.canPost(project, user));
        model.addAttribute("canAssign", access.canAssign(project, user));
        model.addAttribute("memberRoles", org.jiaxing.project.MemberRole.values());
        model.addAttribute("categories", ProblemCategory.values());
        model.addAttribute("departments", departments.byCode());
        model.addAttribute("today", today);
        model.addAttribute("siteUrl", project.siteVenueId() == null ? null : sites.url(project.siteVenueId()));
        model.addAttribute("rules", rules);
        return "project/page";
    }

    @GetMapping(value = "/projects/{id}/site-code.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> siteCode(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        Project project = access.requireVisible(id, user);
        if (project.siteVenueId() == null) {
            throw org.jiaxing.project.ProjectNotFound.file();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(sites.qrPng(sites.url(project.siteVenueId()), 360));
    }

    @PostMapping("/projects/{id}/stages/{stage}")
    String updateStage(@PathVariable long id, @PathVariable String stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedStart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @RequestParam(defaultValue = "0") int percent,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        projects.updateStage(id, stage, plannedStart, deadline, percent, completedOn, user);
        redirect.addFlashAttribute("notice", "project.notice.stageSaved");
        return "redirect:/projects/" + id + "#stages";
    }

    @PostMapping("/projects/{id}/reports")
    String report(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String stage,
            @RequestParam(required = false) Integer percent,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        reports.post(id, body, plan, stage, percent, Uploads.of(files), user);
        redirect.addFlashAttribute("notice", "project.notice.reportPosted");
        return "redirect:/projects/" + id + "#timeline";
    }

    @PostMapping("/projects/{id}/problems")
    String raise(@PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "OTHER") ProblemCategory category,
            @RequestParam(defaultValue = "false") boolean needsCoordination,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        long problem = problems.raise(id, new NewProblem(title, description, category, needsCoordination), user, null);
        redirect.addFlashAttribute("notice", "project.notice.problemRaised");
        return "redirect:/problems/" + problem;
    }

    /** The official scans the site code on arrival (signed in); the visit is recorded once per day. */
    @GetMapping("/site/{token}")
    String scan(@PathVariable String token, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        Project project = visits.scan(token, user);
        redirect.addFlashAttribute("notice", "project.notice.onSite");
        return "redirect:/projects/" + project.id() + "#report";
    }

}
