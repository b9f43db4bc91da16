package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.code.domain.Ed25519;
import org.jiaxing.code.domain.TokenCodec;
import org.jiaxing.code.domain.VenueToken;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.venue.ImportFiles;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;

/**
 * Generated hostile input against the public check-in API, the venue API, both importers (CSV and XLSX),
 * the scan page and the token parser. Every request is answered with a 4xx problem (or, for input that
 * is valid after all, a 2xx), never a 5xx; a refusal stores nothing; the server is healthy afterwards.
 * Seeded, so a failure names a repeatable case. The counts are the figures in docs/RELIABILITY.md.
 */
@SpringBootTest(properties = "jiaxing.checkin.visitor.rate-limit-enabled=false")
@AutoConfigureMockMvc
class HostileInputTests {

    static final int CHECKIN_API_CASES = 3_000;
    static final int VENUE_API_CASES = 1_500;
    static final int VENUE_IMPORT_CASES = 800;
    static final int CHECKIN_IMPORT_CASES = 800;
    static final int SCAN_PAGE_CASES = 1_000;
    static final int TOKEN_PARSER_CASES = 10_000;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;

    Venue market;
    String token;
    final StaffUser city = new StaffUser(900_001, "fuzz-city", "fuzz", Role.CITY_ADMIN, null, Set.of(), true, null);

    @BeforeEach
    void venue() {
        String code = "FZ-" + System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft(code, "胜利路菜市场", "FARMERS_MARKET", "danghu", "胜利路 218 号",
                null, null, null, null, null, null)));
        market = venues.findByCode(code).orElseThrow();
        token = codes.current(market.id()).token();
    }

    @Test
    void theCheckinApiRefusesGeneratedGarbageCleanlyAndStoresNothing() throws Exception {
        Hostile hostile = new Hostile(20261128L);
        long checkins = count("checkin");
        long persons = count("person");
        int refused = 0;
        for (int i = 0; i < CHECKIN_API_CASES; i++) {
            String body = checkinBody(hostile);
            MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/api/v1/checkins")
                            .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8))
                            .header("X-Device-Id", hostile.chance(20) ? hostile.text() : "fuzz"))
                    .andReturn();
            assertRefusedAsProblem(result, "case " + i + ": " + abbreviate(body));
            refused++;
        }
        assertThat(refused).isEqualTo(CHECKIN_API_CASES);
        assertThat(count("checkin")).as("check-ins stored").isEqualTo(checkins);
        assertThat(count("person")).as("persons stored").isEqualTo(persons);
        assertHealthy();
    }

    @Test
    void theVenueApiRefusesBadVenuesAndStoresExactlyTheAcceptedOnes() throws Exception {
        Hostile hostile = new Hostile(7_000_007L);
        int accepted = 0;
        for (int i = 0; i < VENUE_API_CASES; i++) {
            long before = count("venue");
            String body = venueBody(hostile, i);
            MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/api/v1/venues").with(user(city)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8))).andReturn();
            int status = result.getResponse().getStatus();
            assertThat(status).as("case %d: %s", i, abbreviate(body)).isLessThan(500);
            if (status / 100 == 2) {
                accepted++;
                assertThat(count("venue")).as("case %d stored one venue", i).isEqualTo(before + 1);
            } else {
                assertRefusedAsProblem(result, "case " + i + ": " + abbreviate(body));
                assertThat(count("venue")).as("case %d stored nothing", i).isEqualTo(before);
            }
        }
        // some generated venues are valid (free-text names with markup); the escaping tests render those
        assertThat(accepted).isBetween(1, VENUE_API_CASES / 2);
        assertHealthy();
    }

    @Test
    void theVenueImporterRefusesDamagedHostileAndOversizedFilesAndStoresNothing() throws Exception {
        Hostile hostile = new Hostile(31L);
        byte[] csv = ImportFiles.csv(ImportFiles.HEADER, ImportFiles.row("IMP-1"), ImportFiles.row("IMP-2"));
        byte[] xlsx = ImportFiles.xlsx(List.of(
                List.of("code", "name", "category", "town", "address", "longitude", "latitude", "contact_name",
                        "contact_phone"),
                List.of("IMP-3", "平湖超市", "商超", "当湖街道", "新华中路 1 号", 121.0148, 30.6962, "张经理", "0573-85012345")));
        for (int i = 0; i < VENUE_IMPORT_CASES; i++) {
            byte[] file;
            String name;
            switch (i % 5) {
                case 0 -> { file = hostile.mutate(csv); name = "venues.csv"; }
                case 1 -> { file = hostile.mutate(xlsx); name = "venues.xlsx"; }
                case 2 -> { file = hostileCsv(hostile); name = hostile.chance(50) ? "venues.csv" : hostile.pick(Hostile.TRAVERSAL); }
                case 3 -> { file = hostile.bytes(1 + hostile.nextInt(4_000)); name = hostile.chance(50) ? "v.xlsx" : "v.csv"; }
                default -> { file = hostile.chance(50) ? xlsx : csv; name = hostile.pick(List.of("venues.exe", "venues.pdf",
                        "venues.png", "../../venues.csv", "venues")); }
            }
            long before = count("venue");
            MvcResult result = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/venues/import")
                    .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                    .with(user(city)).with(csrf())).andReturn();
            int status = result.getResponse().getStatus();
            assertThat(status).as("venue import case %d (%s)", i, name).isLessThan(500);
            if (status / 100 != 2) {
                assertRefusedAsProblem(result, "venue import case " + i);
                assertThat(count("venue")).as("venue import case %d stored nothing", i).isEqualTo(before);
            }
        }
        assertHealthy();
    }

    @Test
    void theCheckinImporterRefusesDamagedAndHostileRegistersAndStoresNothing() throws Exception {
        Hostile hostile = new Hostile(4_242L);
        String header = "venue_code,phone,name,checked_in_at,checked_out_at";
        byte[] register = (header + "\r\n" + market.code() + ",13857311111,陆建明,2026-03-01T09:00:00+08:00,\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long checkins = count("checkin");
        for (int i = 0; i < CHECKIN_IMPORT_CASES; i++) {
            byte[] file = switch (i % 3) {
                case 0 -> hostile.mutate(register);
                case 1 -> (header + "\r\n" + Hostile.csv(hostile.chance(50) ? market.code() : hostile.text()) + ","
                        + Hostile.csv(hostile.text()) + "," + Hostile.csv(hostile.text()) + ","
                        + Hostile.csv(hostile.text()) + "," + Hostile.csv(hostile.text()) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                default -> hostile.bytes(1 + hostile.nextInt(2_000));
            };
            MvcResult result = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/checkins/import")
                    .file(new MockMultipartFile("file", hostile.chance(80) ? "register.csv" : hostile.text(),
                            "text/csv", file))
                    .with(user(city)).with(csrf())).andReturn();
            // the registered phone does not exist: no row can be valid, every file is refused
            assertRefusedAsProblem(result, "check-in import case " + i);
        }
        assertThat(count("checkin")).isEqualTo(checkins);
        assertHealthy();
    }

    @Test
    void theScanPageAndTheTokenParserRejectEveryGeneratedOrForeignToken() throws Exception {
        Hostile hostile = new Hostile(99L);
        for (int i = 0; i < SCAN_PAGE_CASES; i++) {
            String candidate = i % 2 == 0 ? hostile.text() : mutateToken(hostile);
            String path = "/c/" + UriUtils.encodePathSegment(candidate.isEmpty() ? "x" : candidate, StandardCharsets.UTF_8);
            MvcResult result = mvc.perform(MockMvcRequestBuilders.get(java.net.URI.create(path))).andReturn();
            assertThat(result.getResponse().getStatus()).as("scan case %d: %s", i, abbreviate(candidate))
                    .isBetween(400, 499);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("Exception", "at org.", "<script>alert");
        }
        int rejected = 0;
        for (int i = 0; i < TOKEN_PARSER_CASES; i++) {
            String candidate = i % 2 == 0 ? hostile.text() : mutateToken(hostile);
            if (candidate.equals(token)) {
                continue;
            }
            CodeVerification verdict = codes.verify(candidate);
            assertThat(verdict.isValid()).as("token case %d: %s", i, abbreviate(candidate)).isFalse();
            rejected++;
        }
        assertThat(rejected).isGreaterThan(TOKEN_PARSER_CASES - 20);
        assertHealthy();
    }

    @Test
    void aCodeSignedByAnotherDeploymentsKeyIsRejected() throws Exception {
        // another deployment: same format, same kid, same venue id, its own Ed25519 key
        long checkins = count("checkin");
        KeyPair theirs = Ed25519.generate();
        CodeVerification genuine = codes.verify(token);
        int kid = ((CodeVerification.Valid) genuine).kid();
        byte[] payload = TokenCodec.payload(new VenueToken(kid, market.id(), 1));
        String foreign = TokenCodec.encode(payload, Ed25519.sign(theirs.getPrivate(), payload));

        assertThat(codes.verify(foreign)).isEqualTo(new CodeVerification.Invalid(CodeVerification.Reason.BAD_SIGNATURE));
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/c/" + foreign)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        MvcResult api = mvc.perform(MockMvcRequestBuilders.post("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueToken\":\"" + foreign + "\",\"idNumber\":\"" + id("33048219900101003")
                        + "\",\"name\":\"陆建明\"}")).andReturn();
        assertRefusedAsProblem(api, "foreign token");
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(count("checkin")).isEqualTo(checkins);
    }

    // ---- generators

    private String checkinBody(Hostile hostile) {
        return switch (hostile.nextInt(6)) {
            case 0 -> new String(hostile.bytes(1 + hostile.nextInt(300)), StandardCharsets.ISO_8859_1);
            case 1 -> hostile.pick(List.of("[]", "123", "\"x\"", "null", "{", "{\"venueToken\":{}}",
                    "{\"venueToken\":[1,2],\"idNumber\":true}", "[".repeat(5_000) + "]".repeat(5_000),
                    "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "{\"venueToken\":\"" + token + "\"}",
                    "{\"venueToken\":\"" + token + "\",\"idNumber\":" + "9".repeat(400) + "}"));
            default -> {
                String venueToken = switch (hostile.nextInt(3)) {
                    case 0 -> token;
                    case 1 -> mutateToken(hostile);
                    default -> hostile.text();
                };
                String idNumber = switch (hostile.nextInt(3)) {
                    case 0 -> wrongCheckCharacter(id(String.format("330482199%08d", hostile.nextInt(10_000_000))));
                    case 1 -> id("33048219900101003") + hostile.text();
                    default -> hostile.text();
                };
                StringBuilder json = new StringBuilder("{\"venueToken\":").append(Hostile.json(venueToken))
                        .append(",\"idNumber\":").append(Hostile.json(idNumber));
                if (hostile.chance(60)) {
                    json.append(",\"name\":").append(Hostile.json(hostile.chance(50) ? "陆建明" : hostile.text()));
                }
                if (hostile.chance(40)) {
                    json.append(",\"phone\":").append(Hostile.json(hostile.text()));
                }
                if (hostile.chance(20)) {
                    json.append(",\"stamp\":").append(Hostile.json(hostile.text()));
                }
                if (hostile.chance(10)) {
                    json.append(",\"").append(hostile.pick(Hostile.SQL).replace("\"", "")).append("\":1");
                }
                yield json.append('}').toString();
            }
        };
    }

    private String venueBody(Hostile hostile, int i) {
        boolean validCode = hostile.chance(50);
        String code = validCode ? "HX-" + i : hostile.text();
        return "{\"code\":" + Hostile.json(code)
                + ",\"name\":" + Hostile.json(hostile.chance(70) ? hostile.pick(hostile.chance(50) ? Hostile.MARKUP
                        : Hostile.FORMULA) : hostile.text())
                + ",\"categoryCode\":" + Hostile.json(hostile.chance(70) ? "RESTAURANT" : hostile.text())
                + ",\"townCode\":" + Hostile.json(hostile.chance(70) ? "danghu" : hostile.text())
                + ",\"address\":" + Hostile.json(hostile.chance(60) ? "新华路 1 号" : hostile.text())
                + (hostile.chance(30) ? ",\"longitude\":" + hostile.pick(List.of("\"x\"", "1e999", "-500", "121.01",
                        "null", "[]")) : "")
                + (hostile.chance(20) ? ",\"contactPhone\":" + Hostile.json(hostile.text()) : "")
                + (hostile.chance(20) ? ",\"expectedDailyVisitors\":" + hostile.pick(List.of("-1", "1e20", "\"many\"",
                        "99999999999")) : "")
                + "}";
    }

    private static byte[] hostileCsv(Hostile hostile) {
        StringBuilder csv = new StringBuilder(ImportFiles.HEADER).append("\r\n");
        int rows = 1 + hostile.nextInt(5);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            cells.add(Hostile.csv(hostile.text()));
            for (int c = 1; c < 9; c++) {
                cells.add(Hostile.csv(hostile.chance(50) ? hostile.pick(Hostile.FORMULA) : hostile.text()));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String mutateToken(Hostile hostile) {
        String mutated;
        do {
            mutated = mutateTokenOnce(hostile);
        } while (mutated.equals(token));
        return mutated;
    }

    private String mutateTokenOnce(Hostile hostile) {
        char[] chars = token.toCharArray();
        int at = hostile.nextInt(chars.length);
        return switch (hostile.nextInt(4)) {
            case 0 -> token.substring(0, at);
            case 1 -> token + hostile.pick(List.of("A", "=", "==", "AA", "%00", " "));
            case 2 -> {
                char replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/"
                        .charAt(hostile.nextInt(66));
                if (replacement == chars[at]) {
                    replacement = replacement == 'A' ? 'B' : 'A';
                }
                chars[at] = replacement;
                yield new String(chars);
            }
            default -> new StringBuilder(token).insert(at, hostile.pick(Hostile.ODD)).toString();
        };
    }

    // ---- assertions

    private void assertRefusedAsProblem(MvcResult result, String what) throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        what = what + " -> " + status + " " + result.getResponse().getContentType() + " " + abbreviate(body);
        assertThat(status).as(what).isBetween(400, 499);
        assertThat(result.getResponse().getContentType()).as(what + " content type").contains("json");
        assertThat(body).as(what + " has a message").containsAnyOf("\"detail\"", "\"title\"");
        assertThat(body).as(what).doesNotContain("Exception", "at org.", "at java.");
    }

    private void assertHealthy() throws Exception {
        MvcResult health = mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andReturn();
        assertThat(health.getResponse().getStatus()).isEqualTo(200);
        assertThat(health.getResponse().getContentAsString()).contains("UP");
        MvcResult genuine = mvc.perform(MockMvcRequestBuilders.get("/c/" + token)).andReturn();
        assertThat(genuine.getResponse().getStatus()).isEqualTo(200);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + ")";
    }

    private static String wrongCheckCharacter(String valid) {
        char right = valid.charAt(17);
        return valid.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
