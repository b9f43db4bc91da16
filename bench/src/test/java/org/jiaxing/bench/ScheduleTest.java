package org.jiaxing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long START = 1_000_000_000L;

    @Test
    void withoutRampRequestsAreDueAtTheRateFromTheStart() {
        Measurement.Schedule schedule = new Measurement.Schedule(START, 1000, Duration.ZERO);

        assertEquals(START, schedule.dueAt(0));
        assertEquals(START + 1_000_000, schedule.dueAt(1));
        assertEquals(START + 60_000_000_000L, schedule.dueAt(60_000));
    }

    @Test
    void aRampStartsAtATenthOfTheRateAndReachesItAtTheRampsEnd() {
        Measurement.Schedule schedule = new Measurement.Schedule(START, 1000, Duration.ofSeconds(60));

        // the first requests come at a tenth of the rate: 10 ms apart instead of 1 ms
        assertEquals(10_000_000, schedule.dueAt(1) - schedule.dueAt(0), 100_000);
        // during the ramp: the area under the rate, 1000/s * (0.1 + 1) / 2 * 60 s = 33,000 requests by 60 s
        assertEquals(START + 60_000_000_000L, schedule.dueAt(33_000), 1_000_000);
        // after it: the whole rate
        assertEquals(1_000_000, schedule.dueAt(40_001) - schedule.dueAt(40_000), 1_000);
        assertEquals(START + 61_000_000_000L, schedule.dueAt(34_000), 1_000_000);
    }

    @Test
    void halfwayThroughTheRampTheRateIsHalfwayUp() {
        Measurement.Schedule schedule = new Measurement.Schedule(START, 1000, Duration.ofSeconds(60));
        // at 30 s: 1000 * (0.1 * 30 + 0.9 * 30² / 120) = 9,750 requests due, at 550/s
        long at30 = schedule.dueAt(9_750);
        assertEquals(START + 30_000_000_000L, at30, 1_000_000);
        double rate = 1e9 / (schedule.dueAt(9_751) - at30);
        assertTrue(rate > 540 && rate < 560, "rate at 30 s: " + rate);
    }

    @Test
    void behindIsHowLateTheNextRequestIs() {
        Measurement.Schedule schedule = new Measurement.Schedule(START, 1000, Duration.ZERO);
        schedule.nextDue();
        schedule.nextDue();

        assertEquals(0, schedule.behindNanos(START));
        assertEquals(3_000_000, schedule.behindNanos(START + 5_000_000));
    }
}
