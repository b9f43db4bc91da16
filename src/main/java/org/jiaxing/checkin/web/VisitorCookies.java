package org.jiaxing.checkin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.checkin.domain.VisitorProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The two cookies of a visitor's browser: the signed pass that names the person (HttpOnly, so page
 * scripts cannot read it) and a random device id that lets the dashboard notice one phone used for many
 * identities.
 */
@Component
class VisitorCookies {

    static final String PASS = "JX_VISITOR";
    static final String DEVICE = "JX_DEVICE";

    private final VisitorPasses passes;
    private final VisitorProperties properties;

    VisitorCookies(VisitorPasses passes, VisitorProperties properties) {
        this.passes = passes;
        this.properties = properties;
    }

    OptionalLong personId(HttpServletRequest request) {
        return read(request, PASS).map(passes::verify).orElse(OptionalLong.empty());
    }

    void remember(long personId, HttpServletRequest request, HttpServletResponse response) {
        write(PASS, passes.issue(personId), request, response);
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(PASS, "").path("/").maxAge(0).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").build().toString());
    }

    /** The browser's device id, created on its first visit. */
    String deviceId(HttpServletRequest request, HttpServletResponse response) {
        return read(request, DEVICE).filter(id -> id.length() <= 64).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            write(DEVICE, id, request, response);
            return id;
        });
    }

    private void write(String name, String value, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(properties.visitorPassLifetime()).build()
                .toString());
    }

    private static Optional<String> read(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName())).map(c -> c.getValue())
                .findFirst();
    }
}
