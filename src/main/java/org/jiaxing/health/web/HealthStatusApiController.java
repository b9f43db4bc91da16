package org.jiaxing.health.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.health.InvalidHealthStatus;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/health/persons/{personId}/status")
@PreAuthorize("hasAnyRole('CITY_ADMIN','TRACER')")
@Tag(name = "Health status", description = "A person's GREEN/YELLOW/RED status (CITY_ADMIN and TRACER only)")
class HealthStatusApiController {

    private final HealthStatuses statuses;
    private final Persons persons;
    private final MessageSource messages;

    HealthStatusApiController(HealthStatuses statuses, Persons persons, MessageSource messages) {
        this.statuses = statuses;
        this.persons = persons;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The status in effect now (GREEN when never set or expired)")
    StatusJson get(@PathVariable long personId) {
        if (persons.find(personId).isEmpty()) {
            throw PersonNotFound.forId(personId);
        }
        return StatusJson.of(statuses.current(personId));
    }

    @PutMapping
    @Operation(summary = "Set the status from now on, with a reason (audited)",
            description = "until: ISO-8601 with offset, e.g. 2026-03-15T08:00:00+08:00; omit for open-ended")
    StatusJson put(@PathVariable long personId, @RequestBody StatusRequest request,
            @AuthenticationPrincipal StaffUser user) {
        Instant until = request.until() == null ? null : request.until().toInstant();
        return StatusJson.of(statuses.assign(personId, request.colour(), request.reason(), until, user.getUsername()));
    }

    /** 400 with {@code errors: [{field, message}]}, one entry per broken rule. */
    @ExceptionHandler(InvalidHealthStatus.class)
    ResponseEntity<ProblemDetail> invalid(InvalidHealthStatus e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), e.messageArgs(), e.messageKey(), locale));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("errors", e.problems().stream().map(p -> new FieldMessage(p.field(),
                messages.getMessage(p.messageKey(), p.argsArray(), p.messageKey(), locale))).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record StatusRequest(HealthColour colour, String reason, OffsetDateTime until) {
    }

    record StatusJson(long personId, HealthColour colour, boolean refusesEntry, String reason, Instant since,
            Instant until) {

        static StatusJson of(HealthStatus status) {
            return new StatusJson(status.personId(), status.colour(), status.refusesEntry(), status.reason(),
                    status.since(), status.until());
        }
    }

    record FieldMessage(String field, String message) {
    }
}
