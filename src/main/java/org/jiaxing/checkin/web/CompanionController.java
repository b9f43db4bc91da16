package org.jiaxing.checkin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.domain.ScannedVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.checkin.domain.Visits;
import org.jiaxing.person.Companions;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Companions (同行人员): family members without their own phone, checked in by the visitor who scanned.
 * Each is a person of their own with their own status; saved ones can be picked next time.
 */
@Controller
class CompanionController {

    private final Visits visits;
    private final Persons persons;
    private final Companions companions;
    private final VisitorCookies cookies;
    private final VisitPages pages;

    CompanionController(Visits visits, Persons persons, Companions companions, VisitorCookies cookies,
            VisitPages pages) {
        this.visits = visits;
        this.persons = persons;
        this.companions = companions;
        this.cookies = cookies;
        this.pages = pages;
    }

    @GetMapping("/c/{token}/companions")
    ModelAndView choose(@PathVariable String token, @RequestParam(name = "t", required = false) String stamp,
            HttpServletRequest request) {
        OptionalLong owner = cookies.personId(request);
        if (owner.isEmpty()) {
            return new ModelAndView("redirect:/c/" + token);
        }
        return form(token, stamp, owner.getAsLong(), "", "", null);
    }

    @PostMapping("/c/{token}/companions")
    ModelAndView checkIn(@PathVariable String token, @RequestParam(name = "t", required = false) String stamp,
            @RequestParam(required = false) List<Long> saved,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        OptionalLong owner = cookies.personId(request);
        ScannedVenue scanned = visits.resolve(token, stamp, ScanController.FORM_STEPS);
        if (owner.isEmpty()) {
            return new ModelAndView("redirect:/c/" + token);
        }
        if (!(scanned instanceof ScannedVenue.Open open)) {
            return pages.problem((ScannedVenue.Unusable) scanned);
        }
        long ownerId = owner.getAsLong();
        Set<Long> mine = companions.of(ownerId).stream().map(Person::id).collect(Collectors.toSet());
        List<Long> chosen = new ArrayList<>(saved == null ? List.of() : saved.stream().filter(mine::contains).toList());
        if (!idNumber.isBlank()) {
            try {
                Person added = persons.registerOrUpdate(PersonDetails.of(name.isBlank() ? null : name, null, idNumber));
                companions.save(ownerId, added.id());
                chosen.add(added.id());
            } catch (InvalidPersonDetails invalid) {
                ModelAndView page = form(token, stamp, ownerId, name, idNumber, invalid.problems());
                page.setStatus(HttpStatus.BAD_REQUEST);
                return page;
            }
        }
        if (chosen.isEmpty()) {
            ModelAndView page = form(token, stamp, ownerId, name, idNumber, null);
            page.addObject("nobody", true);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        String device = cookies.deviceId(request, response);
        List<Visit> checkedIn = chosen.stream().distinct()
                .map(id -> visits.checkIn(open.venue(), id, CheckinChannel.COMPANION, device)).toList();
        ModelAndView page = pages.withClock(new ModelAndView("checkin/companions-result"));
        page.addObject("token", token);
        page.addObject("stamp", stamp);
        page.addObject("venue", open.venue());
        page.addObject("visits", checkedIn);
        return page;
    }

    private ModelAndView form(String token, String stamp, long ownerId, String name, String idNumber,
            List<InvalidPersonDetails.Problem> problems) {
        ModelAndView page = new ModelAndView("checkin/companions");
        page.addObject("token", token);
        page.addObject("stamp", stamp);
        page.addObject("saved", companions.of(ownerId));
        page.addObject("name", name);
        page.addObject("idNumber", idNumber);
        page.addObject("problems", problems);
        return page;
    }
}
