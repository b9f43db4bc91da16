package org.jiaxing.health.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.health.InvalidHealthStatus;
import org.jiaxing.health.domain.PersonSearch;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Officials look a person up by exact ID number or phone and set their status by hand, with a reason.
 * The search is a POST, so that ID numbers never end up in URLs, browser history or access logs; the
 * person page that follows is addressed by the internal id only.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TRACER')")
class HealthPersonsController {

    private static final String SEARCH = "health/search";
    private static final String PERSON = "health/person";

    /** An audit entry as the page lists it. */
    record TrailRow(ZonedDateTime at, String actor, String action, String reason, String detail) {
    }

    private final PersonSearch search;
    private final Persons persons;
    private final HealthStatuses statuses;
    private final AuditLog audit;
    private final JiaxingProperties platform;

    HealthPersonsController(PersonSearch search, Persons persons, HealthStatuses statuses, AuditLog audit,
            JiaxingProperties platform) {
        this.search = search;
        this.persons = persons;
        this.statuses = statuses;
        this.audit = audit;
        this.platform = platform;
    }

    @GetMapping("/health/persons")
    String searchPage() {
        return SEARCH;
    }

    @PostMapping("/health/persons/search")
    String find(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal StaffUser user, Model model) {
        Optional<PersonSearch.Result> result = search.find(q, user.getUsername());
        if (result.isEmpty()) {
            model.addAttribute("problem", "health.search.unrecognised");
            return SEARCH;
        }
        Optional<Person> found = result.get().person();
        if (found.isEmpty()) {
            model.addAttribute("problem", "health.search.notFound." + result.get().by());
            return SEARCH;
        }
        return "redirect:/health/persons/" + found.get().id();
    }

    @GetMapping("/health/persons/{personId}")
    String person(@PathVariable long personId, Model model) {
        return show(personId, new AssignForm(), model);
    }

    @PostMapping("/health/persons/{personId}/status")
    String assign(@PathVariable long personId, @ModelAttribute("form") AssignForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        try {
            statuses.assign(personId, form.parsedColour(), form.getReason(), form.parsedUntil(platform.zone()),
                    user.getUsername());
        } catch (InvalidHealthStatus e) {
            for (InvalidHealthStatus.Problem problem : e.problems()) {
                result.rejectValue(problem.field(), problem.messageKey(), problem.argsArray(), problem.messageKey());
            }
            return show(personId, form, model);
        }
        redirect.addFlashAttribute("notice", "health.assign.saved");
        return "redirect:/health/persons/" + personId;
    }

    private String show(long personId, AssignForm form, Model model) {
        Person person = persons.find(personId).orElseThrow(() -> PersonNotFound.forId(personId));
        model.addAttribute("person", person);
        model.addAttribute("current", StatusView.current(statuses.current(personId), platform.zone()));
        model.addAttribute("history", statuses.history(personId).stream()
                .map(status -> StatusView.assigned(status, platform.zone())).toList());
        model.addAttribute("trail", trail(personId));
        model.addAttribute("colours", HealthColour.values());
        model.addAttribute("form", form);
        return PERSON;
    }

    /** Newest first: the page answers "who did what to this person lately". */
    private List<TrailRow> trail(long personId) {
        return audit.forSubject("person", Long.toString(personId)).reversed().stream()
                .map((AuditRecord r) -> new TrailRow(r.at().atZone(platform.zone()), r.actor(), r.action(), r.reason(),
                        r.detail()))
                .toList();
    }
}
