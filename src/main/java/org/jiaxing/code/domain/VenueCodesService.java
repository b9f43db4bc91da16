package org.jiaxing.code.domain;

import java.time.Clock;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.CodeAccessDenied;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.IssuedCode;
import org.jiaxing.code.VenueCodeReissued;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class VenueCodesService implements VenueCodes {

    private static final Logger log = LoggerFactory.getLogger(VenueCodesService.class);

    private final CodeIssuer issuer;
    private final CodeVerifier verifier;
    private final Generations generations;
    private final VenueDirectory venues;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    VenueCodesService(CodeIssuer issuer, CodeVerifier verifier, Generations generations, VenueDirectory venues,
            Clock clock, ApplicationEventPublisher events) {
        this.issuer = issuer;
        this.verifier = verifier;
        this.generations = generations;
        this.venues = venues;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public IssuedCode current(long venueId) {
        return issuer.issue(generations.current(venueId));
    }

    @Override
    public CodeVerification verify(String token) {
        return verifier.verify(token);
    }

    @Override
    public IssuedCode reissue(long venueId, StaffUser by) {
        Venue venue = venues.requireVisible(venueId, by);
        if (!venues.canManage(venue, by)) {
            throw CodeAccessDenied.reissue();
        }
        int generation = generations.bump(venueId, by.getUsername(), clock.instant());
        log.info("Code of venue {} reissued as generation {} by {}", venue.code(), generation, by.getUsername());
        events.publishEvent(new VenueCodeReissued(venueId, generation, by.getUsername()));
        return current(venueId);
    }
}
