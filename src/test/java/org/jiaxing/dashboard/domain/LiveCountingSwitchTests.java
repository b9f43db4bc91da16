package org.jiaxing.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Live counting switched off counts nothing (the benchmark's "counters off"); a rebuild catches up. */
@SpringBootTest(properties = {"jiaxing.dashboard.flush-interval=1h", "jiaxing.dashboard.live-counting=false"})
@Import(MutableClockConfiguration.class)
class LiveCountingSwitchTests {

    @Autowired LiveCounting counting;
    @Autowired CheckinRecorder recorder;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired Dashboard dashboard;

    @Test
    void offCountsNothingUntilARebuildAndOnCountsAgain() throws InterruptedException {
        registry.upsertAll(List.of(new VenueDraft("SW-0001", "开关测试药店", "PHARMACY", "xindai", "新埭镇", null, null, null,
                null, null, null)));
        long venue = venues.findByCode("SW-0001").orElseThrow().id();
        recorder.record(NewCheckin.scan(71, venue, MutableClockConfiguration.START.minus(Duration.ofMinutes(5))));
        Thread.sleep(300);
        assertThat(counting.flush()).isZero();
        assertThat(today()).isZero();

        counting.rebuild();
        assertThat(today()).isEqualTo(1);

        counting.enable(true);
        recorder.record(NewCheckin.scan(72, venue, MutableClockConfiguration.START.minus(Duration.ofMinutes(4))));
        int counted = 0;
        for (int tries = 0; counted == 0 && tries < 200; tries++) {
            counted += counting.flush();
            Thread.sleep(10);
        }
        assertThat(counted).isEqualTo(1);
        assertThat(today()).isEqualTo(2);
    }

    private long today() {
        return dashboard.scans(Scope.city(), Period.TODAY, Locale.ROOT).total().checkins();
    }
}
