package org.jiaxing.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every expected failure into the right status: problem-details JSON for the API and machine
 * clients, the friendly error page for people. Module exceptions ({@link JiaxingException}) carry their
 * own message key; framework errors (unknown page, wrong method, malformed parameter or body, upload too
 * large) get the generic message of their status. Never a stack trace, never an exception message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    /** Every 503 says when to come back; a database outage is usually over within seconds. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorHandling.class);

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(JiaxingException.class)
    Object handle(JiaxingException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.messageArgs(), e.messageKey(), locale);
        e.responseHeaders().forEach(response::setHeader);
        return respond(e.status(), message, e.messageKey(), request, response);
    }

    /** Spring's own errors: 404 for unknown pages, 405, 415, missing parameters, validation. */
    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeException.class, ServletRequestBindingException.class, MissingServletRequestPartException.class,
        HandlerMethodValidationException.class, ErrorResponseException.class, ResponseStatusException.class})
    Object handle(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return generic(((ErrorResponse) e).getStatusCode(), request, response, locale);
    }

    @ExceptionHandler({TypeMismatchException.class, BindException.class, HttpMessageNotReadableException.class})
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return generic(HttpStatus.BAD_REQUEST, request, response, locale);
    }

    /**
     * The database is unreachable or overloaded (outage, failover, pool exhausted after the connection
     * timeout): a fast 503 with Retry-After instead of a 500, so clients back off and retry.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
        CannotCreateTransactionException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(),
                request.getRequestURI().replaceAll("[\\r\\n]", "_"), e.getClass().getSimpleName());
        return generic(HttpStatus.SERVICE_UNAVAILABLE, request, response, locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return generic(HttpStatus.PAYLOAD_TOO_LARGE, request, response, locale);
    }

    @ExceptionHandler(MultipartException.class)
    Object badUpload(MultipartException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return generic(HttpStatus.BAD_REQUEST, request, response, locale);
    }

    private Object generic(HttpStatusCode status, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        String key = "error.status." + status.value();
        String message = messages.getMessage(key, null, messages.getMessage("error.generic", null, locale), locale);
        return respond(status, message, key, request, response);
    }

    private static Object respond(HttpStatusCode status, String message, String code, HttpServletRequest request,
            HttpServletResponse response) {
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value() && !response.containsHeader("Retry-After")) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setProperty("code", code);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    static boolean wantsJson(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return uri.startsWith("/api/") || uri.startsWith("/.well-known/")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }
}
