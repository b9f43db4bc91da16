package org.jiaxing.code.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a visitor's phone opens: {@code /c/{token}}, no login. Verifies the code and shows the venue.
 * The check-in issue replaces the VALID branch with the check-in flow; the rest stays.
 */
@Controller
class ScanController {

    /** What the page says; each has its own title, explanation and HTTP status. */
    enum Outcome {
        VALID(HttpStatus.OK), SUSPENDED(HttpStatus.OK), CLOSED(HttpStatus.GONE),
        INVALID(HttpStatus.BAD_REQUEST), WITHDRAWN(HttpStatus.GONE);

        private final HttpStatus status;

        Outcome(HttpStatus status) {
            this.status = status;
        }
    }

    private final VenueCodes codes;
    private final VenueDirectory venues;

    ScanController(VenueCodes codes, VenueDirectory venues) {
        this.codes = codes;
        this.venues = venues;
    }

    @GetMapping("/c/{token}")
    ModelAndView scan(@PathVariable String token, HttpServletResponse response) {
        // the answer changes with reissues and venue status: never let a proxy or the browser keep it
        response.setHeader("Cache-Control", "no-store");
        return switch (codes.verify(token)) {
            case CodeVerification.Valid valid -> venuePage(venues.findById(valid.venueId()));
            case CodeVerification.Withdrawn withdrawn -> page(Outcome.WITHDRAWN, null);
            case CodeVerification.Invalid invalid -> page(Outcome.INVALID, null);
            case CodeVerification.UnknownKey unknownKey -> page(Outcome.INVALID, null);
        };
    }

    private static ModelAndView venuePage(Optional<Venue> found) {
        if (found.isEmpty()) {
            return page(Outcome.INVALID, null); // signed by us, but the venue is gone from the registry
        }
        Venue venue = found.get();
        Outcome outcome = switch (venue.status()) {
            case ACTIVE -> Outcome.VALID;
            case SUSPENDED -> Outcome.SUSPENDED;
            case CLOSED -> Outcome.CLOSED;
        };
        return page(outcome, venue);
    }

    private static ModelAndView page(Outcome outcome, Venue venue) {
        ModelAndView page = new ModelAndView("code/scan");
        page.setStatus(outcome.status);
        page.addObject("outcome", outcome.name());
        page.addObject("venue", venue);
        return page;
    }
}
