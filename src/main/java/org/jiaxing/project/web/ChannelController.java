package org.jiaxing.project.web;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.domain.Channel;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectAccess;
import org.jiaxing.project.domain.ProjectService;
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

/** 工作群: a project's work channel, newest first; a message becomes a problem in one step. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN','PROJECT_MEMBER')")
class ChannelController {

    private final Channel channel;
    private final ProjectAccess access;
    private final ProjectService projects;

    ChannelController(Channel channel, ProjectAccess access, ProjectService projects) {
        this.channel = channel;
        this.access = access;
        this.projects = projects;
    }

    @GetMapping("/projects/{id}/channel")
    String channel(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        Project project = access.requireVisible(id, user);
        model.addAttribute("project", project);
        model.addAttribute("messages", channel.messages(id, user, 200));
        model.addAttribute("members", projects.members(id));
        model.addAttribute("mentions", channel.unread(user, id));
        model.addAttribute("canPost", access.canPost(project, user));
        model.addAttribute("categories", ProblemCategory.values());
        channel.markRead(user, id);
        return "project/channel";
    }

    @PostMapping("/projects/{id}/channel")
    String post(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal StaffUser user) {
        channel.post(id, body, Uploads.of(files), user);
        return "redirect:/projects/" + id + "/channel";
    }

    @PostMapping("/projects/{id}/channel/{messageId}/problem")
    String toProblem(@PathVariable long id, @PathVariable long messageId,
            @RequestParam(required = false) String title,
            @RequestParam(defaultValue = "OTHER") ProblemCategory category,
            @RequestParam(defaultValue = "false") boolean needsCoordination,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        long problem = channel.toProblem(id, messageId, title, category, needsCoordination, user);
        redirect.addFlashAttribute("notice", "project.notice.problemRaised");
        return "redirect:/problems/" + problem;
    }
}
