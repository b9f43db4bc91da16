package org.jiaxing.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.dashboard.domain.LiveCounting;
import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Who may open the dashboard, what each scope sees, and the compliance export. */
@SpringBootTest(properties = "jiaxing.dashboard.flush-interval=1h")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class DashboardAccessTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired CheckinRecorder recorder;
    @Autowired LiveCounting counting;

    // one set of venues and check-ins for the class's context, so the counts below are exact
    static Venue danghu;
    static Venue guangchen;

    @BeforeEach
    void venues() throws InterruptedException {
        if (danghu != null) {
            return;
        }
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        registry.upsertAll(List.of(
                new VenueDraft("DA-" + suffix, "当湖测试超市", "SUPERMARKET", "danghu", "当湖街道", 121.01, 30.69, null, null,
                        "08:00-22:00", 500),
                new VenueDraft("GC-" + suffix, "=HYPERLINK(\"x\")广陈测试超市", "SUPERMARKET", "guangchen", "广陈镇", 121.2,
                        30.8, null, null, "06:00-08:00", 5000)));
        danghu = venues.findByCode("DA-" + suffix).orElseThrow();
        guangchen = venues.findByCode("GC-" + suffix).orElseThrow();
        Instant at = MutableClockConfiguration.START.minus(Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            recorder.record(NewCheckin.scan(900_000 + i + Long.parseLong(suffix) * 10, danghu.id(), at.plusSeconds(i)));
        }
        int counted = 0;
        for (int tries = 0; counted < 3 && tries < 200; tries++) {
            counted += counting.flush();
            Thread.sleep(10);
        }
    }

    @Test
    void onlyCityAndTownAdministratorsOpenIt() {
        assertThat(mvc.get().uri("/dashboard")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/dashboard/scans")).hasStatus(HttpStatus.UNAUTHORIZED);
        for (Role role : List.of(Role.VENUE_STAFF, Role.TRACER, Role.SUPERVISOR)) {
            assertThat(mvc.get().uri("/dashboard").with(user(someone(role)))).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/dashboard/scans").with(user(someone(role)))).as(role.name())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/dashboard/compliance/export").with(user(someone(role)))).as(role.name())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/dashboard").with(user(someone(Role.CITY_ADMIN)))).hasStatusOk();
        assertThat(mvc.get().uri("/dashboard").with(user(someone(Role.TOWN_ADMIN)))).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/dashboard/rebuild").with(user(someone(Role.TOWN_ADMIN))).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/dashboard/rebuild").with(user(someone(Role.CITY_ADMIN))).with(csrf()))
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/dashboard/live-counting?enabled=false").with(user(someone(Role.TOWN_ADMIN)))
                .with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(counting.enabled()).isTrue();
    }

    @Test
    void aTownAdministratorSeesOnlyTheirTown() {
        assertThat(mvc.get().uri("/dashboard").with(user(someone(Role.CITY_ADMIN)))).hasStatusOk().bodyText()
                .contains("当湖测试超市", "当湖街道", "广陈镇", "全市");
        assertThat(mvc.get().uri("/dashboard").with(user(townAdmin("guangchen")))).hasStatusOk().bodyText()
                .contains("广陈镇").doesNotContain("当湖测试超市").doesNotContain("<th>当湖街道</th>");
        assertThat(mvc.get().uri("/api/v1/dashboard/scans?period=today").with(user(townAdmin("danghu")))).hasStatusOk()
                .bodyJson().extractingPath("$.total.checkins").asNumber().isEqualTo(3);
        assertThat(mvc.get().uri("/api/v1/dashboard/scans?period=today").with(user(townAdmin("guangchen")))).hasStatusOk()
                .bodyJson().extractingPath("$.total.checkins").asNumber().isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/dashboard/map").with(user(townAdmin("guangchen")))).hasStatusOk()
                .bodyText().contains("广陈测试超市").doesNotContain("当湖测试超市");
    }

    @Test
    void unknownParametersAreABadRequestNotAnError() {
        assertThat(mvc.get().uri("/api/v1/dashboard/scans?period=year").with(user(someone(Role.CITY_ADMIN))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/dashboard?sort=nonsense").with(user(someone(Role.CITY_ADMIN))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/dashboard/compliance/export?format=pdf").with(user(someone(Role.CITY_ADMIN))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/dashboard/flags/999999").with(user(someone(Role.CITY_ADMIN))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theComplianceListExportsWithFormulasNeutralised() {
        // 10:00 in Pinghu: the guangchen supermarket (06:00-08:00, 2 h open, no scans) is listed
        var csv = mvc.get().uri("/api/v1/dashboard/compliance/export?format=csv&sort=venue").with(user(someone(Role.CITY_ADMIN)));
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        String text = new String(csv.exchange().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK(\"\"x\"\")广陈测试超市", "营业中零扫码").doesNotContain(",=HYPERLINK");
        assertThat(mvc.get().uri("/api/v1/dashboard/compliance/export?format=xlsx").with(user(someone(Role.CITY_ADMIN))))
                .hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(mvc.get().uri("/api/v1/dashboard/compliance?sort=today").with(user(townAdmin("danghu")))).hasStatusOk()
                .bodyText().doesNotContain("广陈测试超市");
    }

    private static StaffUser someone(Role role) {
        return new StaffUser(200, role.name(), "某人", role, role == Role.TOWN_ADMIN ? "danghu" : null,
                role == Role.VENUE_STAFF ? Set.of(1L) : Set.of(), true, "{noop}x");
    }

    private static StaffUser townAdmin(String town) {
        return new StaffUser(300, "town-" + town, "镇街管理员", Role.TOWN_ADMIN, town, Set.of(), true, "{noop}x");
    }
}
