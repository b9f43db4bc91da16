package org.jiaxing.venue.web;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.venue.InvalidVenue;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueAccessDenied;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.domain.VenueDetails;
import org.jiaxing.venue.domain.VenueInput;
import org.jiaxing.venue.domain.VenueQueries;
import org.jiaxing.venue.domain.VenueScope;
import org.jiaxing.venue.domain.VenueValidator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registering a venue and editing one; problems are shown next to their fields. */
@Controller
class VenueFormController {

    private static final String FORM = "venue/form";

    private final VenueQueries queries;
    private final VenueRegistry registry;
    private final VenueValidator validator;
    private final VenueDirectory directory;
    private final Towns towns;

    VenueFormController(VenueQueries queries, VenueRegistry registry, VenueValidator validator,
            VenueDirectory directory, Towns towns) {
        this.queries = queries;
        this.registry = registry;
        this.validator = validator;
        this.directory = directory;
        this.towns = towns;
    }

    @InitBinder("form")
    void protectIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/venues/new")
    String newVenue(@AuthenticationPrincipal StaffUser user, Model model) {
        requireWriter(user);
        VenueForm form = new VenueForm();
        form.setTownCode(user.townCode());
        return show(model, form, null, user);
    }

    @PostMapping("/venues")
    String create(@ModelAttribute("form") VenueForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            Model model, RedirectAttributes redirect) {
        requireWriter(user);
        try {
            Venue venue = registry.register(parsed(form), user);
            redirect.addFlashAttribute("notice", "venue.saved");
            return "redirect:/venues/" + venue.id();
        } catch (InvalidVenue e) {
            reject(result, e);
            return show(model, form, null, user);
        }
    }

    @GetMapping("/venues/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        VenueDetails details = manageable(id, user);
        return show(model, VenueForm.of(details.toDraft()), details.venue(), user);
    }

    @PostMapping("/venues/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") VenueForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        VenueDetails details = manageable(id, user);
        try {
            registry.update(id, parsed(form), user);
            redirect.addFlashAttribute("notice", "venue.saved");
            return "redirect:/venues/" + id;
        } catch (InvalidVenue e) {
            reject(result, e);
            return show(model, form, details.venue(), user);
        }
    }

    /**
     * The draft for the registry. When a number does not parse, every problem is reported at once
     * (the unparseable numbers together with the other fields' rules) without calling the registry.
     */
    private VenueDraft parsed(VenueForm form) {
        VenueInput.Parsed parsed = form.toInput().parse();
        if (!parsed.problems().isEmpty()) {
            throw InvalidVenue.of(validator.check(form.toInput()).problems());
        }
        return parsed.draft();
    }

    private static void reject(BindingResult result, InvalidVenue e) {
        for (InvalidVenue.Problem problem : e.problems()) {
            if (result.getFieldType(problem.field()) != null) {
                result.rejectValue(problem.field(), problem.messageKey(), problem.argsArray(), problem.messageKey());
            } else {
                result.reject(problem.messageKey(), problem.argsArray(), problem.messageKey());
            }
        }
    }

    private String show(Model model, VenueForm form, Venue venue, StaffUser user) {
        model.addAttribute("form", form);
        model.addAttribute("venue", venue);
        model.addAttribute("categories", directory.categories());
        List<Town> choices = VenueScope.of(user).kind() == VenueScope.Kind.TOWN
                ? towns.byCode(user.townCode()).stream().toList() : towns.all();
        model.addAttribute("towns", choices);
        return FORM;
    }

    private VenueDetails manageable(long id, StaffUser user) {
        VenueDetails details = queries.details(id, user);
        if (!queries.canManage(details.venue(), user)) {
            throw VenueAccessDenied.toChange();
        }
        return details;
    }

    private void requireWriter(StaffUser user) {
        if (!queries.canWrite(user)) {
            throw VenueAccessDenied.toChange();
        }
    }
}
