package org.jiaxing.checkin.domain;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The check-in writer's gather interval ({@link CheckinProperties#gatherInterval()}), read by the writer
 * before each batch, so that it can change while the server runs: the benchmark compares values in
 * turns against one server under one load, which on a shared machine is the only fair comparison (two
 * runs a few minutes apart differ by more than the values do).
 */
@Component
public class GatherInterval {

    private static final Duration MAX = Duration.ofSeconds(1);

    private volatile long nanos;

    GatherInterval(CheckinProperties properties) {
        set(properties.gatherInterval());
    }

    /** Between 0 and 1 s, as in the configuration; the next batch uses it. */
    public void set(Duration interval) {
        if (interval == null || interval.isNegative() || interval.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("jiaxing.checkin.gather-interval must be between 0 and 1s");
        }
        nanos = interval.toNanos();
    }

    public Duration get() {
        return Duration.ofNanos(nanos);
    }

    long nanos() {
        return nanos;
    }
}
