package org.jiaxing.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.domain.BatchPosterJob;
import org.jiaxing.code.domain.BatchPosterJobs;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** /posters: scope, the background job, its progress fragment and the download. */
@SpringBootTest
@AutoConfigureMockMvc
class BatchPostersTests {

    @Autowired MockMvcTester mvc;
    @Autowired BatchPosterJobs jobs;
    @Autowired JdbcClient jdbc;

    @Test
    void aTownAdminBuildsThePostersOfTheirTownWithProgressThenDownloads() throws Exception {
        TestVenues venues = new TestVenues(jdbc);
        for (int i = 0; i < 3; i++) {
            venues.add("林埭镇农贸市场" + i, "FARMERS_MARKET", "lindai", VenueStatus.ACTIVE);
        }
        venues.add("林埭镇暂停商店", "FARMERS_MARKET", "lindai", VenueStatus.SUSPENDED);
        venues.add("新仓镇农贸市场", "FARMERS_MARKET", "xincang", VenueStatus.ACTIVE);
        StaffUser lindai = TestUsers.townAdmin("lindai");

        assertThat(mvc.get().uri("/posters").with(user(lindai))).hasStatusOk().bodyText()
                .contains("<option value=\"lindai\">林埭镇</option>").doesNotContain("新仓镇", "value=\"xincang\"");
        assertThat(mvc.post().uri("/posters/jobs").param("category", "FARMERS_MARKET").with(csrf()).with(user(lindai)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/posters");
        String page = mvc.get().uri("/posters").with(user(lindai)).exchange().getResponse().getContentAsString();
        String id = jobIdIn(page);
        assertThat(page).contains("hx-get=\"/posters/jobs/" + id + "\"", "hx-trigger=\"every 1s\"")
                .containsPattern("已生成 \\d / 3|排队中|已完成");

        BatchPosterJob.View done = awaitFinished(id, lindai);
        assertThat(done.state()).isEqualTo(BatchPosterJob.State.DONE);
        assertThat(done.done()).isEqualTo(3);

        assertThat(mvc.get().uri("/posters/jobs/{id}", id).with(user(lindai))).hasStatusOk().bodyText()
                .contains("已完成：3 张海报", "/posters/jobs/" + id + "/download", "林埭镇", "农贸市场")
                .doesNotContain("hx-trigger");
        MvcTestResult download = mvc.get().uri("/posters/jobs/{id}/download", id).with(user(lindai)).exchange();
        assertThat(download).hasStatusOk().hasContentType("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment", "jiaxing-posters-lindai-farmers_market-");
        PdfReader pdf = new PdfReader(download.getResponse().getContentAsByteArray());
        assertThat(pdf.getNumberOfPages()).isEqualTo(3);
        assertThat(new PdfTextExtractor(pdf).getTextFromPage(2)).contains("林埭镇农贸市场");
    }

    @Test
    void aJobIsVisibleToItsOwnerOnly() throws Exception {
        new TestVenues(jdbc).add("乍浦港码头", "PORT", "zhapu", VenueStatus.ACTIVE);
        StaffUser owner = TestUsers.cityAdmin();
        String id = jobs.start("zhapu", "PORT", owner).id();
        awaitFinished(id, owner);

        StaffUser someoneElse = TestUsers.cityAdmin();
        assertThat(mvc.get().uri("/posters/jobs/{id}", id).with(user(someoneElse))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/posters/jobs/{id}/download", id).with(user(someoneElse))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/posters/jobs/{id}/download", id).with(user(owner))).hasStatusOk();
    }

    @Test
    void aTownAdminCannotAskForAnotherTownAndDoorStaffCannotAskAtAll() {
        new TestVenues(jdbc).add("新埭镇超市", "SUPERMARKET", "xindai", VenueStatus.ACTIVE);

        assertThat(mvc.post().uri("/posters/jobs").param("town", "xindai").with(csrf())
                .with(user(TestUsers.townAdmin("lindai")))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/posters").with(user(TestUsers.venueStaff(1)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/posters/jobs").param("town", "xindai").with(csrf())
                .with(user(TestUsers.venueStaff(1)))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void badChoicesAreExplained() {
        StaffUser admin = TestUsers.cityAdmin();

        assertThat(mvc.post().uri("/posters/jobs").param("town", "atlantis").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("没有这个镇街");
        assertThat(mvc.post().uri("/posters/jobs").param("category", "SPACEPORT").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("没有这个场所类别");
        assertThat(mvc.post().uri("/posters/jobs").param("town", "guangchen").param("category", "RELIGIOUS")
                .with(csrf()).with(user(admin))).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("没有符合条件");
    }

    private BatchPosterJob.View awaitFinished(String id, StaffUser owner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            BatchPosterJob.View view = jobs.find(id, owner).orElseThrow();
            if (view.finished()) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch job " + id + " did not finish within 60 s");
    }

    private static String jobIdIn(String page) {
        Matcher matcher = Pattern.compile("id=\"job-([0-9a-f-]{36})\"").matcher(page);
        assertThat(matcher.find()).as("a job on the page").isTrue();
        return matcher.group(1);
    }
}
