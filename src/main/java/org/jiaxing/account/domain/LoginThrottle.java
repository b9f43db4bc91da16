package org.jiaxing.account.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address. Failures add up while each comes within
 * the window of the previous one; at the limit, that username or address is refused for the window
 * after its last failure, before any password is checked, so guessing stops instead of slowing down.
 * In memory and per node: n nodes allow at most n times the limit.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final LoginThrottleProperties properties;
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, LoginThrottleProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** How long the caller must wait, or empty when this username and address may try now. */
    public Optional<Duration> blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = wait(byAccount.get(account(username)), properties.perAccount(), now);
        Duration client = wait(address == null ? null : byAddress.get(address), properties.perAddress(), now);
        Duration longest = account.compareTo(client) >= 0 ? account : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (byAccount.size() + byAddress.size() > MAX_TRACKED) {
            byAccount.values().removeIf(failures -> failures.expired(now, properties.window()));
            byAddress.values().removeIf(failures -> failures.expired(now, properties.window()));
        }
        if (username != null) {
            byAccount.compute(account(username), (key, failures) -> Failures.add(failures, now, properties.window()));
        }
        if (address != null) {
            byAddress.compute(address, (key, failures) -> Failures.add(failures, now, properties.window()));
        }
    }

    /** A successful login clears its username's failures (not its address's: one address, many accounts). */
    public void succeeded(String username) {
        if (username != null) {
            byAccount.remove(account(username));
        }
    }

    private Duration wait(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count() < limit || failures.expired(now, properties.window())) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.last().plus(properties.window()));
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last) {

        static Failures add(Failures previous, Instant now, Duration window) {
            return previous == null || previous.expired(now, window) ? new Failures(1, now)
                    : new Failures(previous.count + 1, now);
        }

        boolean expired(Instant now, Duration window) {
            return !last.plus(window).isAfter(now);
        }
    }
}
