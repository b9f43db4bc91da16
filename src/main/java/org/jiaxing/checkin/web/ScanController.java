package org.jiaxing.checkin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.OptionalLong;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.domain.Consents;
import org.jiaxing.checkin.domain.RateLimiter;
import org.jiaxing.checkin.domain.Registrations;
import org.jiaxing.checkin.domain.ScannedVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.checkin.domain.Visits;
import org.jiaxing.code.TabletCodes;
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
 * What a visitor's phone opens: {@code /c/{token}}, no app, no login. A known browser is checked in at
 * once; a new visitor registers once (name, mobile, ID number, consent) and is then checked in.
 */
@Controller
class ScanController {

    private final Visits visits;
    private final Persons persons;
    private final CheckinRecorder recorder;
    private final RateLimiter rateLimiter;
    private final VisitorCookies cookies;
    private final VisitPages pages;
    private final Registrations registrations;
    private final DeviceSightings devices;

    ScanController(Visits visits, Persons persons, CheckinRecorder recorder, RateLimiter rateLimiter,
            VisitorCookies cookies, VisitPages pages, Registrations registrations, DeviceSightings devices) {
        this.registrations = registrations;
        this.visits = visits;
        this.persons = persons;
        this.recorder = recorder;
        this.rateLimiter = rateLimiter;
        this.cookies = cookies;
        this.pages = pages;
        this.devices = devices;
    }

    /** Minutes a new visitor may take over the form after scanning a rotating code (10 steps of 30 s). */
    static final int FORM_STEPS = 10;

    @GetMapping("/c/{token}")
    ModelAndView scan(@PathVariable String token, @RequestParam(name = "t", required = false) String stamp,
            HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        ScannedVenue scanned = visits.resolve(token, stamp, TabletCodes.SCAN_STEPS);
        if (!(scanned instanceof ScannedVenue.Open open)) {
            return pages.problem((ScannedVenue.Unusable) scanned);
        }
        OptionalLong known = cookies.personId(request).stream()
                .filter(id -> persons.find(id).isPresent()).findFirst();
        if (known.isEmpty()) {
            return registration(token, stamp, open, RegistrationForm.empty(), null);
        }
        rateLimiter.checkAddress(request.getRemoteAddr());
        return checkIn(token, stamp, open, known.getAsLong(), request, response);
    }

    @PostMapping("/c/{token}")
    ModelAndView register(@PathVariable String token, @RequestParam(name = "t", required = false) String stamp,
            RegistrationForm form, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        noStore(response);
        rateLimiter.checkAddress(request.getRemoteAddr());
        ScannedVenue scanned = visits.resolve(token, stamp, FORM_STEPS);
        if (!(scanned instanceof ScannedVenue.Open open)) {
            return pages.problem((ScannedVenue.Unusable) scanned);
        }
        if (!form.consented()) {
            return registration(token, stamp, open, form, "consent");
        }
        Person person;
        try {
            person = registrations.registerWithConsent(PersonDetails.of(form.name(), form.phone(), form.idNumber()),
                    locale);
        } catch (InvalidPersonDetails invalid) {
            ModelAndView page = registration(token, stamp, open, form, null);
            page.addObject("problems", invalid.problems());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        cookies.remember(person.id(), request, response);
        return checkIn(token, stamp, open, person.id(), request, response);
    }

    private ModelAndView checkIn(String token, String stamp, ScannedVenue.Open open, long personId,
            HttpServletRequest request, HttpServletResponse response) {
        String deviceId = cookies.deviceId(request, response);
        Visit visit = visits.checkIn(open.venue(), personId, CheckinChannel.SCAN, deviceId);
        devices.seen(deviceId, visit);
        return pages.result(token, stamp, visit);
    }

    @PostMapping("/c/{token}/leave")
    ModelAndView leave(@PathVariable String token, @RequestParam long checkinId, HttpServletRequest request,
            HttpServletResponse response) {
        noStore(response);
        OptionalLong personId = cookies.personId(request);
        if (personId.isEmpty()) {
            return new ModelAndView("redirect:/c/" + token);
        }
        ModelAndView page = pages.withClock(new ModelAndView("checkin/left"));
        page.addObject("checkin", recorder.checkOut(checkinId, personId.getAsLong()));
        return page;
    }

    private ModelAndView registration(String token, String stamp, ScannedVenue.Open open, RegistrationForm form,
            String missing) {
        ModelAndView page = new ModelAndView("checkin/register");
        page.addObject("token", token);
        page.addObject("stamp", stamp);
        page.addObject("venue", open.venue());
        page.addObject("form", form);
        page.addObject("consentMissing", "consent".equals(missing));
        page.addObject("purposeKey", "checkin.consent.purpose." + Consents.CURRENT_PURPOSE);
        if (missing != null) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private static void noStore(HttpServletResponse response) {
        // each scan is a fresh check-in; a cached page would show an old time to the guard
        response.setHeader("Cache-Control", "no-store");
    }
}
