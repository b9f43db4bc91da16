package org.jiaxing.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Maps {@link JiaxingException}s to their status: problem-details JSON for the API and machine
 * clients, the friendly error page for people. Never a stack trace, never an exception message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(JiaxingException.class)
    Object handle(JiaxingException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.messageArgs(), e.messageKey(), locale);
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), message);
            problem.setProperty("code", e.messageKey());
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(e.status().value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(e.status());
        page.addObject("status", e.status().value());
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
