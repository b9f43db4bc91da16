package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.code.VenueCodes;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Hostile text in tracing (investigation reason, the case lines echoed back on a refused form, venue names
 * and addresses in the presence, risk-venue and evidence lists, contact names on the revealed list and in
 * the contact sheet), on the visitor's "my records" page and on the dashboard (top venues, map data):
 * escaped on every page, inert in both export formats, plain data in JSON. SQL injection in the tracing
 * and dashboard parameters is a clean 4xx or a normal answer.
 */
@SpringBootTest(properties = "jiaxing.checkin.visitor.rate-limit-enabled=false")
@AutoConfigureMockMvc
class TracingAndDashboardEscapingTests {

    @Autowired MockMvc mvc;
    @Autowired Persons persons;
    @Autowired CheckinRecorder recorder;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    /** The visitor's signed pass cookie ({@code VisitorCookies.PASS}, package-private there). */
    static final String VISITOR_PASS_COOKIE = "JX_VISITOR";

    final StaffUser tracerA = new StaffUser(930_001, "esc-tracer-a", "流调", Role.TRACER, null, Set.of(), true, null);
    final StaffUser tracerB = new StaffUser(930_002, "esc-tracer-b", "流调", Role.TRACER, null, Set.of(), true, null);
    final StaffUser city = new StaffUser(930_003, "esc-city", "市级", Role.CITY_ADMIN, null, Set.of(), true, null);

    @Test
    void anInvestigationShowsHostileReasonsVenueNamesAndAddressesEscaped() throws Exception {
        int pages = 0;
        for (String payload : Escaped.XSS) {
            Venue venue = venue("venue:" + payload, "address:" + payload);
            // a contact name may hold an apostrophe (O'Neil): it must not close an attribute either
            PersonDetails caseDetails = TestPersons.details("病例 O'Neil");
            PersonDetails contactDetails = TestPersons.details("Jean-Luc O'Brien");
            long theCase = persons.registerOrUpdate(caseDetails).id();
            long contact = persons.registerOrUpdate(contactDetails).id();
            Instant t0 = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            recorder.record(new NewCheckin(theCase, venue.id(), t0, false, CheckinChannel.IMPORT, null,
                    t0.plusSeconds(3600)));
            recorder.record(new NewCheckin(contact, venue.id(), t0, false, CheckinChannel.IMPORT, null,
                    t0.plusSeconds(1800)));
            long id = open("reason:" + payload, caseDetails, t0);
            String result = "/tracing/investigations/" + id;

            Escaped.assertShown("tracing list", page("/tracing", tracerA), List.of("reason:" + payload));
            Escaped.assertShown(result, page(result, tracerA),
                    List.of("reason:" + payload, "venue:" + payload, "address:" + payload));
            ok(post(result + "/reveal").param("reason", "电话通知 " + payload).with(user(tracerA)).with(csrf()));
            ok(post(result + "/reveal/approve").with(user(tracerB)).with(csrf()));
            Escaped.assertShown(result + "/contacts", page(result + "/contacts", tracerA),
                    List.of("Jean-Luc O'Brien"));
            pages += 3;

            String csv = new String(mvc.perform(get("/api/v1/tracing/investigations/{id}/export.csv", id)
                    .with(user(tracerA))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(csv).as("contact sheet csv").contains(Hostile.csv("venue:" + payload).replaceAll("^\"|\"$", ""));
            assertThat(xlsxStrings(mvc.perform(get("/api/v1/tracing/investigations/{id}/export.xlsx", id)
                    .with(user(tracerA))).andReturn().getResponse().getContentAsByteArray()))
                    .as("contact sheet xlsx").contains("venue:" + payload, "Jean-Luc O'Brien");
        }
        assertThat(pages).isEqualTo(Escaped.XSS.size() * 3);
    }

    @Test
    void aRefusedInvestigationFormEchoesTheHostileInputEscaped() throws Exception {
        for (String payload : Escaped.XSS) {
            MvcResult refused = mvc.perform(post("/tracing/investigations").param("reason", "reason:" + payload)
                    .param("asOf", "asof:" + payload).param("cases", "case:" + payload + ",x,y")
                    .with(user(tracerA)).with(csrf())).andReturn();
            assertThat(refused.getResponse().getStatus()).as(payload).isEqualTo(400);
            // the textareas give back what was typed: a </textarea> inside must not end them
            Escaped.assertShown("refused form", body(refused), List.of("reason:" + payload, "case:" + payload));
        }
    }

    @Test
    void theContactSheetNeutralisesFormulasInVenueNamesAndAddresses() throws Exception {
        for (String hostile : Hostile.FORMULA) {
            Venue venue = venue(hostile, hostile);
            // as stored: the registry trims the name, so the tab and CR variants arrive as plain "=1+1"
            String formula = venue.name();
            PersonDetails caseDetails = TestPersons.details("病例");
            PersonDetails contactDetails = TestPersons.details("沈美华");
            long theCase = persons.registerOrUpdate(caseDetails).id();
            long contact = persons.registerOrUpdate(contactDetails).id();
            Instant t0 = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            recorder.record(new NewCheckin(theCase, venue.id(), t0, false, CheckinChannel.IMPORT, null,
                    t0.plusSeconds(3600)));
            recorder.record(new NewCheckin(contact, venue.id(), t0, false, CheckinChannel.IMPORT, null,
                    t0.plusSeconds(1800)));
            long id = open("聚集性疫情", caseDetails, t0);
            ok(post("/api/v1/tracing/investigations/{id}/reveal", id).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"电话通知\"}").with(user(tracerA)).with(csrf()), 200);
            ok(post("/tracing/investigations/{id}/reveal/approve", id).with(user(tracerB)).with(csrf()));

            String csv = new String(mvc.perform(get("/api/v1/tracing/investigations/{id}/export.csv", id)
                    .with(user(tracerA))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            String guarded = "'" + formula;
            String cell = guarded.matches("(?s).*[\",\r\n].*") ? Hostile.csv(guarded) : guarded;
            assertThat(csv).as(formula).contains("," + cell).doesNotContain("," + formula, ",\"" + formula);
            List<String> cells = xlsxStrings(mvc.perform(get("/api/v1/tracing/investigations/{id}/export.xlsx", id)
                    .with(user(tracerA))).andReturn().getResponse().getContentAsByteArray());
            assertThat(cells).as(formula).contains(guarded).doesNotContain(formula);
        }
    }

    @Test
    void myRecordsShowTheVenueNameEscapedAndARenameWithMarkupIsRefused() throws Exception {
        for (String payload : Escaped.XSS) {
            Venue venue = venue("venue:" + payload, "新华路 1 号");
            String token = codes.current(venue.id()).token();
            String id = TestPersons.idNumber();
            MvcResult registered = mvc.perform(post("/c/" + token).param("name", "Jean-Luc O'Neil")
                    .param("phone", TestPersons.phone()).param("idNumber", id).param("consent", "true").with(csrf()))
                    .andReturn();
            assertThat(registered.getResponse().getStatus()).as(body(registered)).isEqualTo(200);
            Escaped.assertShown("scan result", body(registered), List.of("venue:" + payload));
            Cookie pass = java.util.Arrays.stream(registered.getResponse().getCookies())
                    .filter(c -> c.getName().equals(VISITOR_PASS_COOKIE)).findFirst()
                    .orElseThrow();
            String me = body(mvc.perform(get("/me").cookie(pass)).andReturn());
            Escaped.assertShown("/me", me, List.of("venue:" + payload));

            // the same name check on every form that takes a name: a 400 page with the reason, never a 500
            StaffUser door = new StaffUser(930_010, "esc-door", "门岗", Role.VENUE_STAFF, null, Set.of(venue.id()), true,
                    null);
            List<MvcResult> refused = List.of(
                    mvc.perform(post("/me/name").param("name", payload).cookie(pass).with(csrf())).andReturn(),
                    mvc.perform(post("/c/" + token).param("name", payload).param("phone", TestPersons.phone())
                            .param("idNumber", TestPersons.idNumber()).param("consent", "true").with(csrf())).andReturn(),
                    mvc.perform(post("/c/" + token + "/companions").param("name", payload)
                            .param("idNumber", TestPersons.idNumber()).cookie(pass).with(csrf())).andReturn(),
                    mvc.perform(post("/console/" + venue.id() + "/assisted").param("name", payload)
                            .param("idNumber", TestPersons.idNumber()).with(user(door)).with(csrf())).andReturn());
            for (MvcResult result : refused) {
                String uri = result.getRequest().getRequestURI();
                assertThat(result.getResponse().getStatus()).as("%s %s", uri, payload).isEqualTo(400);
                assertThat(body(result)).as("%s %s", uri, payload).containsAnyOf("姓名只能包含", "姓名最多 30 个字");
                Escaped.assertNoneRaw(uri, body(result), List.of(payload));
            }
        }
    }

    @Test
    void theDashboardShowsHostileVenueNamesEscapedAndServesThemAsJsonData() throws Exception {
        List<String> payloads = Escaped.XSS.subList(0, 8);
        List<String> names = new ArrayList<>();
        Instant at = clock.instant().minus(Duration.ofMinutes(5));
        long personBase = 970_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L) * 100;
        int n = 0;
        for (String payload : payloads) {
            Venue venue = venue("venue:" + payload, "address:" + payload);
            names.add("venue:" + payload);
            // more scans than any other venue in this context: the top-ten list must show all of them
            for (int i = 0; i < 40; i++) {
                recorder.record(NewCheckin.scan(personBase + n++, venue.id(), at.plusSeconds(i)));
            }
        }
        assertThat(mvc.perform(post("/api/v1/dashboard/rebuild").with(user(city)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        Escaped.assertShown("/dashboard", page("/dashboard", city), names);

        MvcResult map = mvc.perform(get("/api/v1/dashboard/map").with(user(city))).andReturn();
        assertThat(map.getResponse().getContentType()).startsWith("application/json");
        assertThat(map.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String json = body(map);
        for (String name : names) {
            assertThat(json).as("map data carries %s as a JSON string", name).contains(Hostile.json(name));
        }
        for (String path : List.of("/api/v1/dashboard/scans", "/api/v1/dashboard/compliance")) {
            MvcResult data = mvc.perform(get(path).with(user(city))).andReturn();
            assertThat(data.getResponse().getContentType()).as(path).startsWith("application/json");
            assertThat(data.getResponse().getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void sqlInjectionInTracingDashboardAndAuditParametersIsPlainText() throws Exception {
        long investigations = count("investigation");
        long checkins = count("checkin");
        int requests = 0;
        for (String attack : Hostile.SQL) {
            for (String path : List.of("/dashboard", "/api/v1/dashboard/scans", "/api/v1/dashboard/heat",
                    "/api/v1/dashboard/map", "/api/v1/dashboard/compliance", "/api/v1/dashboard/compliance/export",
                    "/api/v1/dashboard/flags", "/api/v1/dashboard/flags/counts")) {
                for (String field : List.of("period", "sort", "format", "limit")) {
                    MvcResult result = mvc.perform(get(path).param(field, attack).with(user(city))).andReturn();
                    assertThat(result.getResponse().getStatus()).as("%s?%s=%s", path, field, attack).isIn(200, 400);
                    requests++;
                }
            }
            for (String path : List.of("/api/v1/dashboard/flags/{id}", "/dashboard/flags/{id}",
                    "/api/v1/tracing/investigations/{id}", "/tracing/investigations/{id}",
                    "/api/v1/tracing/investigations/{id}/contacts", "/api/v1/tracing/investigations/{id}/export.csv")) {
                MvcResult result = mvc.perform(get(path, attack).with(user(city))).andReturn();
                assertThat(result.getResponse().getStatus()).as("%s %s", path, attack).isBetween(400, 404);
                requests++;
            }
            MvcResult tracing = mvc.perform(post("/tracing/investigations").param("reason", attack)
                    .param("cases", attack + ",2026-01-01 08:00,2026-01-02 08:00").param("asOf", attack)
                    .with(user(tracerA)).with(csrf())).andReturn();
            assertThat(tracing.getResponse().getStatus()).as(attack).isEqualTo(400);
            MvcResult audit = mvc.perform(get("/api/v1/audit/verify").param("from", attack).param("to", attack)
                    .with(user(city))).andReturn();
            assertThat(audit.getResponse().getStatus()).as(attack).isIn(200, 400);
            requests += 2;
        }
        assertThat(requests).isEqualTo(Hostile.SQL.size() * (8 * 4 + 6 + 2));
        assertThat(count("investigation")).isEqualTo(investigations);
        assertThat(count("checkin")).isEqualTo(checkins);
        assertThat(count("app_user")).isPositive();
    }

    private long open(String reason, PersonDetails theCase, Instant t0) throws Exception {
        String json = "{\"reason\":" + Hostile.json(reason) + ",\"cases\":[{\"person\":\"" + theCase.phone()
                + "\",\"from\":\"" + t0.minusSeconds(3600) + "\",\"to\":\"" + t0.plusSeconds(7200) + "\"}]}";
        MvcResult created = mvc.perform(post("/api/v1/tracing/investigations").contentType(MediaType.APPLICATION_JSON)
                .content(json).with(user(tracerA)).with(csrf())).andReturn();
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
        return Long.parseLong(body(created).replaceAll("(?s).*?\"investigation\":\\{\"id\":(\\d+).*", "$1"));
    }

    private Venue venue(String name, String address) {
        String code = "ESC-" + Math.floorMod(System.nanoTime(), 100_000_000);
        registry.upsertAll(List.of(new VenueDraft(code, name, "SUPERMARKET", "danghu", address, 121.01, 30.69, null,
                null, null, null)));
        return venues.findByCode(code).orElseThrow();
    }

    private static List<String> xlsxStrings(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        cells.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return cells;
    }

    private String page(String path, StaffUser as) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(as))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return body(result);
    }

    private void ok(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        ok(request, 302);
    }

    private void ok(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
