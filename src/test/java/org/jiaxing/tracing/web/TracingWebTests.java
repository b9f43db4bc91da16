package org.jiaxing.tracing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Who may use tracing (TRACER and CITY_ADMIN only), and the API and pages over a real investigation. */
@SpringBootTest
@AutoConfigureMockMvc
class TracingWebTests {

    static final List<Role> DENIED = List.of(Role.VENUE_STAFF, Role.TOWN_ADMIN, Role.SUPERVISOR);

    @Autowired MockMvcTester mvc;
    @Autowired Persons persons;
    @Autowired CheckinRecorder recorder;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired Clock clock;

    @Test
    void onlyTracersAndTheCityAdministratorMayTrace() {
        for (String page : List.of("/tracing", "/tracing/rules")) {
            assertThat(mvc.get().uri(page)).as(page).hasStatus(HttpStatus.FOUND);
            for (Role role : DENIED) {
                assertThat(mvc.get().uri(page).with(user(someone(role)))).as(page + " " + role)
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
            assertThat(mvc.get().uri(page).with(user(someone(Role.TRACER)))).hasStatusOk();
            assertThat(mvc.get().uri(page).with(user(someone(Role.CITY_ADMIN)))).hasStatusOk();
        }
        for (String api : List.of("/api/v1/tracing/rules", "/api/v1/tracing/investigations")) {
            assertThat(mvc.get().uri(api)).as(api).hasStatus(HttpStatus.UNAUTHORIZED);
            for (Role role : DENIED) {
                assertThat(mvc.get().uri(api).with(user(someone(role)))).as(api + " " + role)
                        .hasStatus(HttpStatus.FORBIDDEN);
            }
            assertThat(mvc.get().uri(api).with(user(someone(Role.TRACER)))).hasStatusOk();
            assertThat(mvc.get().uri(api).with(user(someone(Role.CITY_ADMIN)))).hasStatusOk();
        }
        String open = "{\"reason\":\"x\",\"cases\":[]}";
        assertThat(mvc.post().uri("/api/v1/tracing/investigations").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(open)).hasStatus(HttpStatus.UNAUTHORIZED);
        for (Role role : DENIED) {
            assertThat(mvc.post().uri("/api/v1/tracing/investigations").with(user(someone(role))).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(open)).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/tracing/investigations").with(user(someone(role))).with(csrf())
                    .param("reason", "x")).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void onlyTheCityAdministratorChangesRulesAndVerifiesTheAuditChain() {
        String body = "{\"dwellMinutes\":15,\"closeMinutes\":10,\"lingerMinutes\":15,\"reason\":\"同指南\"}";
        assertThat(mvc.put().uri("/api/v1/tracing/rules/GAS_STATION").with(user(someone(Role.TRACER))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/tracing/rules/GAS_STATION").with(user(someone(Role.TRACER))).with(csrf())
                .param("dwellMinutes", "15").param("closeMinutes", "10").param("lingerMinutes", "15")
                .param("reason", "x")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put().uri("/api/v1/tracing/rules/GAS_STATION").with(user(someone(Role.CITY_ADMIN))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatusOk().bodyJson()
                .extractingPath("$.overridden").isEqualTo(true);
        assertThat(mvc.put().uri("/api/v1/tracing/rules/GAS_STATION").with(user(someone(Role.CITY_ADMIN))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"dwellMinutes\":0,\"closeMinutes\":10}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.length()").isEqualTo(3);
        assertThat(mvc.post().uri("/tracing/rules/GAS_STATION").with(user(someone(Role.CITY_ADMIN))).with(csrf())
                .param("dwellMinutes", "15").param("closeMinutes", "10").param("lingerMinutes", "15")
                .param("reason", "htmx")).hasStatusOk().bodyText().contains("rule-GAS_STATION").doesNotContain("<html");
        assertThat(mvc.get().uri("/api/v1/tracing/rules").with(user(someone(Role.TRACER)))).hasStatusOk().bodyJson()
                .extractingPath("$[0].category").isEqualTo("SUPERMARKET");

        assertThat(mvc.get().uri("/api/v1/audit/verify").with(user(someone(Role.TRACER)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/audit/verify").with(user(someone(Role.CITY_ADMIN)))).hasStatusOk().bodyJson()
                .extractingPath("$.intact").isEqualTo(true);
    }

    @Test
    void theApiOpensAnInvestigationShowsItMaskedAndRevealsOnlyAfterASecondOfficial() throws Exception {
        long n = System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft("TW-" + n, "胜利路菜市场 " + n, "FARMERS_MARKET", "danghu",
                "胜利路 218 号", null, null, null, null, null, null)));
        Venue market = venues.findByCode("TW-" + n).orElseThrow();
        PersonDetails caseDetails = TestPersons.details("病例甲");
        PersonDetails contactDetails = TestPersons.details("沈美华");
        long theCase = persons.registerOrUpdate(caseDetails).id();
        long contact = persons.registerOrUpdate(contactDetails).id();
        Instant t0 = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        recorder.record(new NewCheckin(theCase, market.id(), t0, false, CheckinChannel.IMPORT, null, t0.plusSeconds(3600)));
        recorder.record(new NewCheckin(contact, market.id(), t0, false, CheckinChannel.IMPORT, null, t0.plusSeconds(1800)));

        String json = """
                {"reason":"病例甲","cases":[{"person":"%s","from":"%s","to":"%s"}]}"""
                .formatted(caseDetails.phone(), t0.minusSeconds(3600), t0.plusSeconds(7200));
        var created = mvc.post().uri("/api/v1/tracing/investigations").with(user(tracer("tracer-a"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.counts.CLOSE").isEqualTo(1);
        assertThat(created).bodyText().doesNotContain("沈美华").doesNotContain(contactDetails.phone())
                .contains("胜利路 218 号");
        long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("(?s).*?\"investigation\":\\{\"id\":(\\d+).*", "$1"));

        assertThat(mvc.get().uri("/tracing/investigations/" + id).with(user(tracer("tracer-a")))).hasStatusOk().bodyText()
                .contains("沈*华").doesNotContain("沈美华");
        assertThat(mvc.get().uri("/api/v1/tracing/investigations/" + id + "/export.csv").with(user(tracer("tracer-a"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/tracing/investigations/" + id + "/reveal").with(user(tracer("tracer-a")))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"电话通知\"}")).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/tracing/investigations/" + id + "/reveal/approve")
                .with(user(tracer("tracer-a"))).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/tracing/investigations/" + id + "/reveal/approve").with(user(tracer("tracer-b")))
                .with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/tracing/investigations/" + id + "/contacts").with(user(tracer("tracer-a"))))
                .hasStatusOk().bodyText().contains("沈美华").contains(contactDetails.phone());
        assertThat(mvc.get().uri("/tracing/investigations/" + id + "/contacts").with(user(tracer("tracer-b"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/tracing/investigations/" + id + "/export.csv").with(user(tracer("tracer-a"))))
                .hasStatusOk().hasContentType("text/csv;charset=UTF-8").bodyText().contains("沈美华");
        assertThat(mvc.get().uri("/api/v1/tracing/investigations/" + id + "/export.xlsx").with(user(tracer("tracer-a"))))
                .hasStatusOk().hasContentType(TracingApiController.XLSX);
        assertThat(mvc.post().uri("/api/v1/tracing/investigations/" + id + "/apply").with(user(tracer("tracer-a")))
                .with(csrf())).hasStatusOk().bodyJson().extractingPath("$.changed").isEqualTo(1);
        assertThat(mvc.post().uri("/api/v1/tracing/investigations/" + id + "/apply").with(user(tracer("tracer-a")))
                .with(csrf())).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/api/v1/tracing/investigations/999999999").with(user(tracer("tracer-a"))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    /**
     * A city-wide result is paged: the page shows 200 contacts at a time with a pager and a level filter; the API
     * all of them, or a page when asked; the counts are always whole.
     */
    @Test
    void largeResultsArePagedAndFilteredByLevel() {
        long n = System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft("TP-" + n, "大润发 " + n, "SUPERMARKET", "danghu", "新华路 1 号",
                null, null, null, null, null, null)));
        Venue shop = venues.findByCode("TP-" + n).orElseThrow();
        PersonDetails caseDetails = TestPersons.details("病例丙");
        long theCase = persons.registerOrUpdate(caseDetails).id();
        Instant t0 = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<NewCheckin> visits = new java.util.ArrayList<>();
        visits.add(new NewCheckin(theCase, shop.id(), t0, false, CheckinChannel.IMPORT, null, t0.plusSeconds(3600)));
        for (int i = 0; i < 205; i++) {
            long contact = persons.registerOrUpdate(TestPersons.details("顾客" + (char) (0x4E00 + 300 + i))).id();
            // the first 200 overlap the case for 30 minutes (CLOSE), the other 5 arrive as it leaves (EXPOSED)
            Instant in = i < 200 ? t0 : t0.plusSeconds(3600 + 60);
            visits.add(new NewCheckin(contact, shop.id(), in, false, CheckinChannel.IMPORT, null, in.plusSeconds(1800)));
        }
        recorder.recordAll(visits);
        String json = """
                {"reason":"大润发聚集","cases":[{"person":"%s","from":"%s","to":"%s"}]}"""
                .formatted(caseDetails.phone(), t0.minusSeconds(3600), t0.plusSeconds(7200));
        var created = mvc.post().uri("/api/v1/tracing/investigations").with(user(tracer("tracer-a"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.contacts.length()").isEqualTo(205);
        long investigation = Long.parseLong(new String(created.getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?s).*?\"investigation\":\\{\"id\":(\\d+).*", "$1"));
        String api = "/api/v1/tracing/investigations/" + investigation;

        var secondPage = mvc.get().uri(api + "?size=150&page=1").with(user(tracer("tracer-a"))).exchange();
        assertThat(secondPage).hasStatusOk().bodyJson().extractingPath("$.contacts.length()").isEqualTo(55);
        assertThat(secondPage).bodyJson().extractingPath("$.contactPage.total").isEqualTo(205);
        assertThat(secondPage).bodyJson().extractingPath("$.counts.CLOSE").isEqualTo(200);
        var exposed = mvc.get().uri(api + "?level=exposed").with(user(tracer("tracer-a"))).exchange();
        assertThat(exposed).hasStatusOk().bodyJson().extractingPath("$.contacts.length()").isEqualTo(5);
        assertThat(exposed).bodyJson().extractingPath("$.contacts[0].level").isEqualTo("EXPOSED");
        assertThat(mvc.get().uri(api + "?size=10&page=99").with(user(tracer("tracer-a")))).hasStatusOk().bodyJson()
                .extractingPath("$.contacts.length()").isEqualTo(0);
        assertThat(mvc.get().uri(api + "?level=RED&page=-1&size=5000").with(user(tracer("tracer-a"))))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.length()").isEqualTo(3);
        assertThat(mvc.get().uri(api + "?size=abc").with(user(tracer("tracer-a")))).hasStatus(HttpStatus.BAD_REQUEST);

        String page = "/tracing/investigations/" + investigation;
        assertThat(mvc.get().uri(page).with(user(tracer("tracer-a")))).hasStatusOk().bodyText()
                .contains("第 1 / 2 页，共 205 人").contains("page=1").containsPattern("(?s)id=\"contact-levels\".*暴露人员 \\(5\\)");
        var last = mvc.get().uri(page + "?page=1").with(user(tracer("tracer-a"))).exchange();
        assertThat(last).hasStatusOk().bodyText().contains("第 2 / 2 页，共 205 人").contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(mvc.get().uri(page + "?level=EXPOSED").with(user(tracer("tracer-a")))).hasStatusOk().bodyText()
                .doesNotContain("id=\"contact-pages\"").contains("data-level=\"EXPOSED\"");
        assertThat(mvc.get().uri(page + "?level=<script>").with(user(tracer("tracer-a"))))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().doesNotContain("<script>");

        // applied in transactions of 100 contacts (jiaxing.tracing.apply-chunk): all 205, then marked applied once
        assertThat(mvc.post().uri(api + "/apply").with(user(tracer("tracer-a"))).with(csrf())).hasStatusOk().bodyJson()
                .extractingPath("$.changed").isEqualTo(205);
        assertThat(mvc.post().uri(api + "/apply").with(user(tracer("tracer-a"))).with(csrf()))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri(api).with(user(tracer("tracer-a")))).hasStatusOk().bodyJson()
                .extractingPath("$.investigation.appliedBy").isEqualTo("tracer-a");
    }

    @Test
    void badInputIsA400WithEveryProblemNeverA500() {
        assertThat(mvc.post().uri("/api/v1/tracing/investigations").with(user(tracer("tracer-a"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\",\"cases\":[{\"person\":\"abc\",\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors.length()").isEqualTo(3);
        MockMultipartFile file = new MockMultipartFile("file", "cases.csv", "text/csv",
                "case,from,to\n13900000000,昨天,2026-01-01 08:00\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mvc.post().uri("/api/v1/tracing/investigations/csv").multipart().file(file).param("reason", "聚集")
                .with(user(tracer("tracer-a"))).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].line").isEqualTo(2);
        assertThat(mvc.post().uri("/tracing/investigations").with(user(tracer("tracer-a"))).with(csrf())
                .param("reason", "聚集").param("cases", "13900000000, 2026-01-01 08:00, 2026-01-02 08:00\nxyz,,"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("第 2 行");
    }

    private static StaffUser tracer(String username) {
        return new StaffUser(username.hashCode(), username, "流调", Role.TRACER, null, Set.of(), true, "{noop}x");
    }

    private static StaffUser someone(Role role) {
        return new StaffUser(200 + role.ordinal(), role.name(), "某人", role, role == Role.TOWN_ADMIN ? "danghu" : null,
                role == Role.VENUE_STAFF ? Set.of(1L) : Set.of(), true, "{noop}x");
    }
}
