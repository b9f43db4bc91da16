package org.jiaxing.checkin.web;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.domain.TodayAtVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.checkin.domain.Visits;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The door guard's console: today's entrants at my venue (auto-refreshing), refused attempts raised,
 * and assisted check-in (代登记) for people without a phone. Venue staff only, their venues only, today
 * only, masked names only.
 */
@Controller
@PreAuthorize("hasRole('VENUE_STAFF')")
class ConsoleController {

    private final VenueDirectory venues;
    private final Visits visits;
    private final Persons persons;
    private final TodayAtVenue today;
    private final JiaxingProperties platform;

    ConsoleController(VenueDirectory venues, Visits visits, Persons persons, TodayAtVenue today,
            JiaxingProperties platform) {
        this.venues = venues;
        this.visits = visits;
        this.persons = persons;
        this.today = today;
        this.platform = platform;
    }

    @GetMapping("/console")
    ModelAndView choose(@AuthenticationPrincipal StaffUser user) {
        List<Venue> mine = user.venueIds().stream().sorted().map(venues::findById).flatMap(java.util.Optional::stream)
                .toList();
        if (mine.size() == 1) {
            return new ModelAndView("redirect:/console/" + mine.getFirst().id());
        }
        return new ModelAndView("checkin/console-choose").addObject("venues", mine);
    }

    @GetMapping("/console/{venueId}")
    ModelAndView console(@PathVariable long venueId, @AuthenticationPrincipal StaffUser user) {
        return page(venueOf(venueId, user));
    }

    @GetMapping("/console/{venueId}/entrants")
    ModelAndView entrants(@PathVariable long venueId, @AuthenticationPrincipal StaffUser user) {
        Venue venue = venueOf(venueId, user);
        return new ModelAndView("checkin/console :: entrants").addObject("venue", venue)
                .addObject("today", today.of(venue.id())).addObject("zone", platform.zone());
    }

    @PostMapping("/console/{venueId}/assisted")
    ModelAndView assisted(@PathVariable long venueId, @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String name, @AuthenticationPrincipal StaffUser user) {
        Venue venue = venueOf(venueId, user);
        try {
            Person person = persons.registerOrUpdate(PersonDetails.of(name.isBlank() ? null : name, null, idNumber));
            Visit visit = visits.checkIn(venue, person.id(), CheckinChannel.ASSISTED, "staff:" + user.id());
            return page(venue).addObject("assisted", visit);
        } catch (InvalidPersonDetails invalid) {
            ModelAndView page = page(venue).addObject("problems", invalid.problems()).addObject("idNumber", idNumber)
                    .addObject("name", name);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
    }

    private ModelAndView page(Venue venue) {
        return new ModelAndView("checkin/console").addObject("venue", venue).addObject("today", today.of(venue.id()))
                .addObject("zone", platform.zone());
    }

    /** Only the staff member's own venues; any other id is "not found", so venues cannot be probed. */
    private Venue venueOf(long venueId, StaffUser user) {
        if (!user.venueIds().contains(venueId)) {
            throw VenueNotFound.forId(venueId);
        }
        return venues.findById(venueId).orElseThrow(() -> VenueNotFound.forId(venueId));
    }
}
