package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.domain.BatchPosterJob;
import org.jiaxing.code.domain.BatchPosterJobs;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDirectory;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole city in one PDF: 4,421 posters, one per page, streamed to a file while the progress
 * counts up. Its own context (the retention property) so the 4,421 venues stay out of other tests.
 */
@SpringBootTest(properties = "jiaxing.code.batch-retention=2h")
class BatchPosterCityScaleTests {

    private static final Logger log = LoggerFactory.getLogger(BatchPosterCityScaleTests.class);
    private static final int CITY = 4_421;

    @Autowired BatchPosterJobs jobs;
    @Autowired VenueDirectory venues;
    @Autowired Towns towns;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void buildsAllPostersOfTheCity() throws Exception {
        insertCity();
        StaffUser admin = TestUsers.cityAdmin();

        BatchPosterJob.View queued = jobs.start(null, null, admin);
        assertThat(queued.total()).isEqualTo(CITY);
        int lastSeen = 0;
        boolean sawProgress = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        BatchPosterJob.View view = queued;
        while (!view.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            view = jobs.find(queued.id(), admin).orElseThrow();
            assertThat(view.done()).isGreaterThanOrEqualTo(lastSeen);
            sawProgress |= view.done() > 0 && view.done() < CITY;
            lastSeen = view.done();
        }

        assertThat(view.state()).isEqualTo(BatchPosterJob.State.DONE);
        assertThat(sawProgress).as("progress seen between 0 and the total").isTrue();
        Path file = jobs.file(queued.id(), admin).orElseThrow();
        log.info("Batch of {} posters: {} ms, {} MB", CITY, view.elapsed().toMillis(), Files.size(file) / 1_000_000);
        assertThat(new PdfReader(file.toString()).getNumberOfPages()).isEqualTo(CITY);
    }

    /** 4,421 venues spread over the 9 towns and 32 categories, in one transaction. */
    private void insertCity() {
        List<Town> allTowns = towns.all();
        List<VenueCategory> categories = venues.categories();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < CITY; i++) {
                Town town = allTowns.get(i % allTowns.size());
                VenueCategory category = categories.get(i % categories.size());
                jdbc.sql("""
                        INSERT INTO venue (code, name, category_code, town_code, address, longitude, latitude,
                                           expected_daily_visitors, status, created_at, updated_at)
                        VALUES (:code, :name, :category, :town, :address, 121.0, 30.7, 100, 'ACTIVE', 0, 0)""")
                        .param("code", "PH-%04d".formatted(i + 1))
                        .param("name", town.nameZh() + category.nameZh() + "第" + (i + 1) + "号场所")
                        .param("category", category.code()).param("town", town.code())
                        .param("address", "平湖市" + town.nameZh() + "人民路" + (i + 1) + "号").update();
            }
        });
    }
}
