package org.jiaxing.venue.web;

import java.util.List;
import java.util.Locale;
import org.jiaxing.venue.InvalidVenue;
import org.jiaxing.venue.domain.ImportReport;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Problem details (RFC 9457) for the venue API's own failures, with localized messages. */
@Component
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** 400 with {@code errors: [{field, message}]}, one entry per broken rule. */
    ResponseEntity<ProblemDetail> invalidVenue(InvalidVenue e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.messageKey(), e.messageArgs(), locale);
        problem.setProperty("errors", e.problems().stream()
                .map(p -> new FieldMessage(p.field(), message(p.messageKey(), p.argsArray(), locale))).toList());
        return response(problem);
    }

    /** 400 for an import that wrote nothing, with the same counts and row errors as a successful report. */
    ResponseEntity<ProblemDetail> rejectedImport(ImportReport report, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, report.outcomeKey(), new Object[0], locale);
        problem.setProperty("applied", false);
        problem.setProperty("rows", report.rows());
        problem.setProperty("created", 0);
        problem.setProperty("updated", 0);
        problem.setProperty("rejected", report.rejected());
        problem.setProperty("errors", rowMessages(report, locale));
        return response(problem);
    }

    List<RowMessage> rowMessages(ImportReport report, Locale locale) {
        return report.errors().stream().map(error -> new RowMessage(error.line(), error.column(),
                message(error.messageKey(), error.argsArray(), locale))).toList();
    }

    String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object[] args, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(key, args, locale));
        problem.setProperty("code", key);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record FieldMessage(String field, String message) {
    }

    record RowMessage(int line, String column, String message) {
    }
}
