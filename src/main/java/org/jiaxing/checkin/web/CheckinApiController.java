package org.jiaxing.checkin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.UnknownVisitor;
import org.jiaxing.checkin.UnusableCode;
import org.jiaxing.checkin.domain.RateLimiter;
import org.jiaxing.checkin.domain.ScannedVenue;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.checkin.domain.Visits;
import org.jiaxing.code.TabletCodes;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.venue.Venue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Check-in for other clients (mini-program, kiosk, load generator). Public, rate-limited, no session. */
@RestController
@Tag(name = "Check-in")
class CheckinApiController {

    private final Visits visits;
    private final Persons persons;
    private final VisitorPasses passes;
    private final RateLimiter rateLimiter;

    CheckinApiController(Visits visits, Persons persons, VisitorPasses passes, RateLimiter rateLimiter) {
        this.visits = visits;
        this.persons = persons;
        this.passes = passes;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/api/v1/checkins")
    @Operation(summary = "Check a person in at the venue of a scanned code",
            description = "The person is named by a visitor pass, or by ID number (registered on the fly when "
                    + "name is given), or by phone. Answers 201 with the status to show at the door; a duplicate "
                    + "scan within the dedup window answers 200 with the existing check-in. 400 invalid code or "
                    + "details, 404 unknown person, 409 suspended venue, 410 withdrawn code or closed venue, "
                    + "429 too many check-ins (Retry-After), 503 overloaded (Retry-After).")
    ResponseEntity<CheckinJson> checkIn(@RequestBody CheckinRequest body, HttpServletRequest request,
            @Parameter(description = "the client device, at most 64 characters (a longer one is ignored)")
            @RequestHeader(name = "X-Device-Id", required = false) String deviceId) {
        // no @Size on the header: a constraint there makes Spring MVC run Bean Validation on every call of this,
        // the hottest endpoint (~5% of a request thread's samples in a JFR profile); the length is checked below
        return answer(checkIn(body, request.getRemoteAddr(), deviceId, null));
    }

    static ResponseEntity<CheckinJson> answer(Visit visit) {
        return ResponseEntity.status(visit.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(CheckinJson.of(visit));
    }

    /**
     * The whole work of an API check-in: rate limit, code, person, status, write; written by {@code writer}
     * (the benchmark's naive baseline), or by the group-commit writer when it is {@code null}.
     */
    Visit checkIn(CheckinRequest body, String address, String deviceId, Function<NewCheckin, CheckinResult> writer) {
        rateLimiter.checkAddress(address);
        Venue venue = openVenue(body.venueToken(), body.stamp());
        Person person = identify(body);
        String device = deviceId == null || deviceId.length() > 64 ? null : deviceId;
        return writer == null ? visits.checkIn(venue, person, CheckinChannel.API, device)
                : visits.checkIn(venue, person, CheckinChannel.API, device, writer);
    }

    private Venue openVenue(String token, String stamp) {
        ScannedVenue scanned = visits.resolve(token == null ? "" : token, stamp, TabletCodes.SCAN_STEPS);
        if (scanned instanceof ScannedVenue.Open open) {
            return open.venue();
        }
        throw switch (((ScannedVenue.Unusable) scanned).problem()) {
            case INVALID -> UnusableCode.invalid();
            case WITHDRAWN -> UnusableCode.withdrawn();
            case SUSPENDED -> UnusableCode.suspended();
            case CLOSED -> UnusableCode.closed();
            case STALE -> UnusableCode.stale();
        };
    }

    /** The person the request names; looked up once, and handed on (no second look-up for the check-in). */
    private Person identify(CheckinRequest body) {
        if (body.visitorPass() != null && !body.visitorPass().isBlank()) {
            OptionalLong id = passes.verify(body.visitorPass());
            return id.isPresent() ? persons.find(id.getAsLong()).orElseThrow(UnknownVisitor::notRegistered)
                    : throwUnknown();
        }
        if (notBlank(body.idNumber()) && notBlank(body.name())) {
            return persons.registerOrUpdate(PersonDetails.of(body.name(), body.phone(), body.idNumber()));
        }
        Optional<Person> known = notBlank(body.idNumber()) ? persons.findByIdNumber(body.idNumber())
                : notBlank(body.phone()) ? persons.findByPhone(body.phone()) : Optional.empty();
        if (known.isEmpty() && !notBlank(body.idNumber()) && !notBlank(body.phone())) {
            throw UnknownVisitor.noCredential();
        }
        return known.orElseThrow(UnknownVisitor::notRegistered);
    }

    private static Person throwUnknown() {
        throw UnknownVisitor.notRegistered();
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    /** What a client sends; the personal fields are optional depending on how the person is named. */
    record CheckinRequest(String venueToken, String stamp, String visitorPass, String idNumber, String phone,
            String name) {

        @Override
        public String toString() {
            return "CheckinRequest[venueToken=" + venueToken + ", personal fields masked]";
        }
    }

    record CheckinJson(long checkinId, String venueCode, String venueName, Instant checkedInAt, boolean duplicate,
            boolean refused, String status, String maskedName) {

        static CheckinJson of(Visit visit) {
            var checkin = visit.result().checkin();
            return new CheckinJson(checkin.id(), visit.venue().code(), visit.venue().name(), checkin.checkedInAt(),
                    visit.duplicate(), visit.refused(), visit.status().colour().name(), visit.person().maskedName());
        }
    }
}
