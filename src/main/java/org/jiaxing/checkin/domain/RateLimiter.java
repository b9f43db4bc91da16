package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiaxing.checkin.TooManyCheckins;
import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows per person and per address, in memory (one node). Enough to stop a script
 * from flooding a venue or one person being checked in hundreds of times; not a defence against a
 * distributed attack, which belongs in front of the server.
 */
@Component
public class RateLimiter {

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final VisitorProperties properties;
    private final Clock clock;

    RateLimiter(VisitorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public void checkPerson(long personId) {
        check("p" + personId, properties.perPersonPerMinute());
    }

    public void checkAddress(String address) {
        check("a" + address, properties.perAddressPerMinute());
    }

    private void check(String key, int limit) {
        if (!properties.rateLimitEnabled()) {
            return;
        }
        long minute = clock.millis() / 60_000;
        Window window = windows.compute(key, (k, old) -> old == null || old.minute != minute ? new Window(minute) : old);
        if (window.count.incrementAndGet() > limit) {
            long retryAfter = 60 - (clock.millis() / 1000) % 60;
            throw TooManyCheckins.retryAfter(retryAfter);
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute != minute); // forget finished minutes
        }
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
