package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** Too many check-ins from one person or address in a minute: 429 with Retry-After. */
public class TooManyCheckins extends JiaxingException {

    private final long retryAfterSeconds;

    private TooManyCheckins(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "checkin.error.tooMany", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static TooManyCheckins retryAfter(long seconds) {
        return new TooManyCheckins(Math.max(1, seconds));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public java.util.Map<String, String> responseHeaders() {
        return java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
