package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.domain.BatchPosterJob;
import org.jiaxing.code.domain.BatchPosterJobs;
import org.jiaxing.code.domain.CodeIssuer;
import org.jiaxing.code.domain.CodeProperties;
import org.jiaxing.code.domain.Generations;
import org.jiaxing.code.domain.PosterPdf;
import org.jiaxing.org.Towns;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finished batches and their files go away an hour after they finished (time pinned by a clock). */
@SpringBootTest
class BatchPosterRetentionTests {

    @Autowired VenueDirectory venues;
    @Autowired Towns towns;
    @Autowired Generations generations;
    @Autowired CodeIssuer issuer;
    @Autowired PosterPdf pdf;
    @Autowired JiaxingProperties platform;
    @Autowired CodeProperties properties;
    @Autowired JdbcClient jdbc;

    @Test
    void aFinishedJobIsKeptForAnHourThenDeletedWithItsFile() throws Exception {
        new TestVenues(jdbc).add("独山港码头", "PORT", "dushangang", VenueStatus.ACTIVE);
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T02:00:00Z"));
        BatchPosterJobs jobs = new BatchPosterJobs(venues, towns, generations, issuer, pdf, clock, platform, properties);
        StaffUser admin = TestUsers.cityAdmin();
        try {
            String id = jobs.start("dushangang", "PORT", admin).id();
            awaitFinished(jobs, id, admin);
            Path file = jobs.file(id, admin).orElseThrow();

            clock.advance(Duration.ofMinutes(59));
            jobs.purgeExpired();
            assertThat(jobs.find(id, admin)).isPresent();
            assertThat(file).exists();

            clock.advance(Duration.ofMinutes(2));
            jobs.purgeExpired();
            assertThat(jobs.find(id, admin)).isEmpty();
            assertThat(jobs.jobsOf(admin)).isEmpty();
            assertThat(file).doesNotExist();
        } finally {
            jobs.destroy();
        }
    }

    private static void awaitFinished(BatchPosterJobs jobs, String id, StaffUser owner) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BatchPosterJob.View view = jobs.find(id, owner).orElseThrow();
            if (view.finished()) {
                assertThat(view.state()).isEqualTo(BatchPosterJob.State.DONE);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch job did not finish");
    }

    /** A clock the test moves forward by hand. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
