package org.jiaxing.checkin.web;

import java.time.Clock;
import java.util.List;
import org.jiaxing.checkin.VisitorNotice;
import org.jiaxing.checkin.VisitorNotices;
import org.jiaxing.checkin.domain.ScannedVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Builds the visitor's pages, shared by the scan, companion and records controllers. */
@Component
class VisitPages {

    private final Clock clock;
    private final JiaxingProperties platform;
    private final ObjectProvider<VisitorNotices> notices;

    VisitPages(Clock clock, JiaxingProperties platform, ObjectProvider<VisitorNotices> notices) {
        this.clock = clock;
        this.platform = platform;
        this.notices = notices;
    }

    /** Messages for the person from other modules (tracing), newest first. */
    List<VisitorNotice> messages(long personId) {
        return notices.orderedStream().flatMap(n -> n.messages(personId, LocaleContextHolder.getLocale()).stream())
                .toList();
    }

    /** Who looked at the person's data (role and unit), newest first. */
    List<VisitorNotice> accesses(long personId) {
        return notices.orderedStream().flatMap(n -> n.accesses(personId, LocaleContextHolder.getLocale()).stream())
                .toList();
    }

    ModelAndView result(String token, String stamp, Visit visit) {
        ModelAndView page = withClock(new ModelAndView("checkin/result"));
        page.addObject("token", token);
        page.addObject("stamp", stamp);
        page.addObject("visit", visit);
        page.addObject("messages", messages(visit.person().id()));
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
