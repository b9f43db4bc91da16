package org.jiaxing.checkin.web;

import java.time.Clock;
import org.jiaxing.checkin.domain.ScannedVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Builds the visitor's pages, shared by the scan, companion and records controllers. */
@Component
class VisitPages {

    private final Clock clock;
    private final JiaxingProperties platform;

    VisitPages(Clock clock, JiaxingProperties platform) {
        this.clock = clock;
        this.platform = platform;
    }

    ModelAndView result(String token, String stamp, Visit visit) {
        ModelAndView page = withClock(new ModelAndView("checkin/result"));
        page.addObject("token", token);
        page.addObject("stamp", stamp);
        page.addObject("visit", visit);
        return page;
    }

    ModelAndView problem(ScannedVenue.Unusable unusable) {
        ModelAndView page = new ModelAndView("code/scan");
        page.setStatus(switch (unusable.problem()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case WITHDRAWN, CLOSED, STALE -> HttpStatus.GONE;
            case SUSPENDED -> HttpStatus.OK;
        });
        page.addObject("outcome", unusable.problem().name());
        page.addObject("venue", unusable.venue());
        return page;
    }

    ModelAndView withClock(ModelAndView page) {
        page.addObject("serverNow", clock.millis());
        page.addObject("zone", platform.zone());
        page.addObject("localNow", clock.instant().atZone(platform.zone()));
        return page;
    }
}
