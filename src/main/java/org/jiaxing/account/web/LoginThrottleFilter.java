package org.jiaxing.account.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jiaxing.account.domain.LoginThrottle;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login (form POST /login, or HTTP Basic) for a username or client address that has failed
 * too often, before the password is checked: the form goes back to the login page with the wait in
 * minutes, an API client gets 429 with Retry-After. Failures and successes are counted by
 * {@link LoginAttempts}. Not a bean, so that it runs only inside the security chain.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final MessageSource messages;

    LoginThrottleFilter(LoginThrottle throttle, MessageSource messages) {
        this.throttle = throttle;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String basicUser = basicUsername(request);
        boolean formLogin = "POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI());
        if (!formLogin && basicUser == null) {
            chain.doFilter(request, response);
            return;
        }
        String username = formLogin ? request.getParameter("username") : basicUser;
        Optional<Duration> blocked = throttle.blockedFor(username, request.getRemoteAddr());
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, blocked.get().toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        response.setHeader("Retry-After", Long.toString(seconds));
        if (formLogin) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
            return;
        }
        Locale locale = request.getLocale();
        String detail = messages.getMessage("login.throttled", new Object[] {minutes}, "Too many failed logins",
                locale);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"code\":\"login.throttled\"}");
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
