package org.jiaxing.venue.web;

import org.jiaxing.account.StaffUser;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.InvalidVenue;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.VenueDetails;
import org.jiaxing.venue.domain.VenueQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One venue: every field, its category's tracing parameters, and what the user may do with it. */
@Controller
class VenueDetailController {

    private final VenueQueries queries;
    private final VenueRegistry registry;
    private final JiaxingProperties properties;

    VenueDetailController(VenueQueries queries, VenueRegistry registry, JiaxingProperties properties) {
        this.queries = queries;
        this.registry = registry;
        this.properties = properties;
    }

    @GetMapping("/venues/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        VenueDetails details = queries.details(id, user);
        model.addAttribute("details", details);
        model.addAttribute("venue", details.venue());
        model.addAttribute("createdAt", details.createdAt().atZone(properties.zone()).toLocalDateTime());
        model.addAttribute("updatedAt", details.updatedAt().atZone(properties.zone()).toLocalDateTime());
        model.addAttribute("canManage", queries.canManage(details.venue(), user));
        model.addAttribute("statuses", VenueStatus.values());
        return "venue/detail";
    }

    @PostMapping("/venues/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) String status,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        try {
            registry.changeStatus(id, parse(status), user);
            redirect.addFlashAttribute("notice", "venue.statusChanged");
        } catch (InvalidVenue e) {
            redirect.addFlashAttribute("problem", "venue.error.status.required");
        }
        return "redirect:/venues/" + id;
    }

    private static VenueStatus parse(String status) {
        for (VenueStatus candidate : VenueStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }
}
