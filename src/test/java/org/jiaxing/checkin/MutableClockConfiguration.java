package org.jiaxing.checkin;

import java.time.Instant;
import org.jiaxing.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the test moves; check-ins must be "now" to be accepted. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    /** A Monday morning in Pinghu (UTC+8): 2026-03-02 09:00. */
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
