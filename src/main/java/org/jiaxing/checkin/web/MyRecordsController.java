package org.jiaxing.checkin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.domain.Consents;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "我的记录": the visitor's own check-ins of the last 28 days, their status, the consents they gave (when,
 * to which text), and a name correction.
 */
@Controller
class MyRecordsController {

    static final Duration SHOWN = Duration.ofDays(28);

    private final Persons persons;
    private final HealthStatuses health;
    private final CheckinQueries checkins;
    private final VenueDirectory venues;
    private final VisitorCookies cookies;
    private final VisitPages pages;
    private final Clock clock;
    private final Consents consents;

    MyRecordsController(Persons persons, HealthStatuses health, CheckinQueries checkins, VenueDirectory venues,
            VisitorCookies cookies, VisitPages pages, Clock clock, Consents consents) {
        this.consents = consents;
        this.persons = persons;
        this.health = health;
        this.checkins = checkins;
        this.venues = venues;
        this.cookies = cookies;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/me")
    ModelAndView records(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        OptionalLong personId = cookies.personId(request);
        if (personId.isEmpty() || persons.find(personId.getAsLong()).isEmpty()) {
            return new ModelAndView("checkin/me-unknown", HttpStatus.NOT_FOUND);
        }
        return page(personId.getAsLong(), null);
    }

    @PostMapping("/me/name")
    ModelAndView rename(@RequestParam(defaultValue = "") String name, HttpServletRequest request) {
        OptionalLong personId = cookies.personId(request);
        if (personId.isEmpty()) {
            return new ModelAndView("checkin/me-unknown", HttpStatus.NOT_FOUND);
        }
        try {
            persons.rename(personId.getAsLong(), name);
        } catch (InvalidPersonDetails invalid) {
            ModelAndView page = page(personId.getAsLong(), invalid.problems());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        return new ModelAndView("redirect:/me?renamed");
    }

    private ModelAndView page(long personId, List<InvalidPersonDetails.Problem> problems) {
        Instant now = clock.instant();
        List<Checkin> visits = checkins.ofPerson(personId, now.minus(SHOWN), now.plusSeconds(1)).reversed();
        Map<Long, Venue> venuesById = new HashMap<>();
        visits.forEach(v -> venues.findById(v.venueId()).ifPresent(venue -> venuesById.put(v.venueId(), venue)));
        ModelAndView page = pages.withClock(new ModelAndView("checkin/me"));
        page.addObject("person", persons.find(personId).orElseThrow());
        page.addObject("status", health.current(personId));
        page.addObject("checkins", visits);
        page.addObject("venues", venuesById);
        page.addObject("problems", problems);
        page.addObject("consents", consents.ofPerson(personId));
        page.addObject("messages", pages.messages(personId));
        page.addObject("accesses", pages.accesses(personId));
        return page;
    }
}
