package org.jiaxing.tracing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.domain.ApplyReport;
import org.jiaxing.tracing.domain.CaseFile;
import org.jiaxing.tracing.domain.ContactLevel;
import org.jiaxing.tracing.domain.Investigations;
import org.jiaxing.tracing.domain.NewCase;
import org.jiaxing.tracing.domain.TracingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tracer's pages: the list with the form to open an investigation (cases typed as lines or uploaded as
 * CSV), the result, reveal request and approval, the revealed list, apply.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TRACER')")
class TracingPagesController {

    private final Investigations investigations;
    private final ResultViews views;
    private final TracingProperties properties;
    private final JiaxingProperties platform;

    TracingPagesController(Investigations investigations, ResultViews views, TracingProperties properties,
            JiaxingProperties platform) {
        this.investigations = investigations;
        this.views = views;
        this.properties = properties;
        this.platform = platform;
    }

    @GetMapping("/tracing")
    ModelAndView list() {
        return listPage(new OpenForm("", "", ""), null, HttpStatus.OK);
    }

    @PostMapping("/tracing/investigations")
    ModelAndView open(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String asOf,
            @RequestParam(defaultValue = "") String cases, @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal StaffUser user) throws IOException {
        OpenForm form = new OpenForm(reason, asOf, cases);
        try {
            List<NewCase> parsed = file != null && !file.isEmpty()
                    ? CaseFile.read(file.getBytes(), platform.zone(), properties.maxCases())
                    : CaseFile.read(("case,from,to\n" + cases).getBytes(StandardCharsets.UTF_8), platform.zone(),
                            properties.maxCases(), 1);
            Instant reference = asOf.isBlank() ? null : CaseFile.parseTime(asOf, platform.zone());
            if (!asOf.isBlank() && reference == null) {
                throw InvalidInvestigation.of("asOf", "tracing.error.file.time", asOf);
            }
            long id = investigations.open(reason, reference, parsed, user.getUsername());
            return new ModelAndView("redirect:/tracing/investigations/" + id);
        } catch (InvalidInvestigation invalid) {
            return listPage(form, invalid.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/tracing/investigations/{id}")
    String result(@PathVariable long id, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer page, @AuthenticationPrincipal StaffUser user, Locale locale,
            Model model) {
        ResultView view = views.of(id, locale, ContactSelection.of(level, page, null, ContactSelection.PAGE_SIZE));
        model.addAttribute("view", view);
        model.addAttribute("levels", ContactLevel.values());
        model.addAttribute("me", user.getUsername());
        model.addAttribute("revealed", view.investigation().revealedTo(user.getUsername()));
        model.addAttribute("fourEyes", properties.fourEyes());
        model.addAttribute("zone", platform.zone());
        return "tracing/result";
    }

    @PostMapping("/tracing/investigations/{id}/reveal")
    String requestReveal(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        try {
            investigations.requestReveal(id, reason, user.getUsername());
            redirect.addFlashAttribute("notice", "tracing.reveal.requested");
        } catch (InvalidInvestigation invalid) {
            redirect.addFlashAttribute("problem", "tracing.error.reason.required");
        }
        return "redirect:/tracing/investigations/" + id;
    }

    @PostMapping("/tracing/investigations/{id}/reveal/approve")
    String approve(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        investigations.approveReveal(id, user.getUsername());
        redirect.addFlashAttribute("notice", "tracing.reveal.approved");
        return "redirect:/tracing/investigations/" + id;
    }

    @GetMapping("/tracing/investigations/{id}/contacts")
    String revealed(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Locale locale, Model model) {
        model.addAttribute("contacts", investigations.revealed(id, user.getUsername()));
        model.addAttribute("investigation", investigations.find(id));
        return "tracing/revealed";
    }

    @PostMapping("/tracing/investigations/{id}/apply")
    String apply(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        ApplyReport report = investigations.apply(id, user.getUsername());
        redirect.addFlashAttribute("applied", report);
        return "redirect:/tracing/investigations/" + id;
    }

    private ModelAndView listPage(OpenForm form, List<InvalidInvestigation.Problem> problems, HttpStatus status) {
        ModelAndView page = new ModelAndView("tracing/list", status);
        page.addObject("investigations", investigations.recent(50));
        page.addObject("form", form);
        page.addObject("problems", problems);
        page.addObject("zone", platform.zone());
        return page;
    }

    record OpenForm(String reason, String asOf, String cases) {
    }
}
