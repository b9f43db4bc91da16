package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP endpoint and page, read from the request mappings, against every kind of caller. A
 * mapping without a row in {@link #EXPECTED} fails the test (and prints the row it observed, to be
 * reviewed and pasted), so a new endpoint cannot ship without someone deciding who may call it.
 *
 * <p>Every request targets venue A (town X = danghu) and person P, who checked in at A. Venue B (town
 * Y = guangchen) and person Q, who checked in at B, are the "other scope": no response to a caller
 * scoped to A may name B or Q, and the other way round.
 *
 * <p>A = allowed (any answer but 401, 403, 404 or a redirect to the login page); D = denied (one of
 * those; 404 is how out-of-scope venues answer, so that they cannot be probed). State-changing requests
 * are sent without their confirmation or form fields, so that an allowed caller gets a validation answer
 * and nothing changes.
 */
@SpringBootTest(properties = "jiaxing.checkin.visitor.rate-limit-enabled=false")
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    enum Caller { ANONYMOUS, VISITOR, STAFF_A, STAFF_B, TOWN_X, TOWN_Y, TRACER, SUPERVISOR, CITY }

    /** Endpoints whose sample request names no existing object: an allowed caller gets 404 there. */
    static final Set<String> NOT_FOUND_MEANS_ALLOWED = Set.of("GET /posters/jobs/{id}",
            "GET /posters/jobs/{id}/download", "POST /codes/keys/{kid}/retire",
            // no investigation, project, problem or file with the sample id exists: past the role check, 404
            "GET /api/v1/tracing/investigations/{id}", "GET /api/v1/tracing/investigations/{id}/contacts",
            "GET /api/v1/tracing/investigations/{id}/export.csv", "GET /api/v1/tracing/investigations/{id}/export.xlsx",
            "POST /api/v1/tracing/investigations/{id}/apply", "POST /api/v1/tracing/investigations/{id}/reveal/approve",
            "GET /tracing/investigations/{id}", "GET /tracing/investigations/{id}/contacts",
            "GET /api/v1/dashboard/flags/{id}", "GET /dashboard/flags/{id}",
            "POST /tracing/investigations/{id}/apply", "POST /tracing/investigations/{id}/reveal/approve",
            "POST /meetings", "GET /problems/{id}", "POST /problems/{id}/assign",
            "POST /problems/{id}/{step:start|resolve|verify|reopen|note|escalate}",
            "GET /projects/{id}", "GET /projects/{id}/channel", "GET /projects/{id}/site-code.png",
            "GET /projects/files/{key}", "GET /site/{token}", "POST /projects/{id}/channel",
            "POST /projects/{id}/channel/{messageId}/problem", "POST /projects/{id}/members",
            "POST /projects/{id}/problems", "POST /projects/{id}/reports", "POST /projects/{id}/stages/{stage}");

    /**
     * Request parameters for endpoints that validate their form before they check scope: without them an
     * out-of-scope caller would get the same 400 as an allowed one, and the table could not tell them apart.
     */
    static final Map<String, String> SAMPLE_PARAMETERS = Map.of(
            "POST /venues/{id}/code/reissue", "confirm=true",
            "POST /venues/{id}/tablet-mode", "enabled=false",
            "POST /codes/keys/{kid}/retire", "confirm=true",
            "POST /api/v1/dashboard/live-counting", "enabled=true",
            "POST /meetings", "projectId=1",
            "POST /projects/{id}/members", "role=HANDLER",
            "POST /api/v1/tracing/investigations/csv", "reason=matrix");

    // @formatter:off
    /**
     * The expectations, one row per "METHOD pattern"; columns in {@link Caller} order:
     *                                                   anon visitor staffA staffB townX townY tracer super city
     */
    static final Map<String, String> EXPECTED = rows(
            // shared: home, login, error dispatch, docs, operations
            "GET /",                                        "D    D       A      A      A     A     A      A     A",
            "GET /login",                                   "A    A       A      A      A     A     A      A     A",
            "ANY /error",                                   "A    A       A      A      A     A     A      A     A",
            "GET /swagger-ui",                              "A    A       A      A      A     A     A      A     A",
            "GET /v3/api-docs",                             "A    A       A      A      A     A     A      A     A",
            "GET /v3/api-docs/swagger-config",              "A    A       A      A      A     A     A      A     A",
            "GET /v3/api-docs.yaml",                        "D    D       A      A      A     A     A      A     A",
            "GET /actuator/health",                         "A    A       A      A      A     A     A      A     A",
            "GET /actuator/info",                           "D    D       D      D      D     D     D      D     A",
            "GET /actuator/metrics",                        "D    D       D      D      D     D     D      D     A",
            // not exposed (no Prometheus registry on the class path): 404 for the city admin too
            "GET /actuator/prometheus",                     "D    D       D      D      D     D     D      D     D",
            // venue registry: staff see their venues, town admins their town, tracers all, supervisors none
            "GET /venues",                                  "D    D       A      A      A     A     A      D     A",
            "GET /venues/new",                              "D    D       D      D      A     A     D      D     A",
            "POST /venues",                                 "D    D       D      D      A     A     D      D     A",
            "GET /venues/{id}",                             "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/edit",                        "D    D       D      D      A     D     D      D     A",
            "POST /venues/{id}",                            "D    D       D      D      A     D     D      D     A",
            "POST /venues/{id}/status",                     "D    D       D      D      A     D     D      D     A",
            "GET /venues/import",                           "D    D       D      D      A     A     D      D     A",
            "POST /venues/import",                          "D    D       D      D      A     A     D      D     A",
            "GET /venues/export.csv",                       "D    D       A      A      A     A     A      D     A",
            "GET /venues/export.xlsx",                      "D    D       A      A      A     A     A      D     A",
            "GET /api/v1/venue-categories",                 "D    D       A      A      A     A     A      A     A",
            "GET /api/v1/venues",                           "D    D       A      A      A     A     A      D     A",
            "POST /api/v1/venues",                          "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/venues/{id}",                      "D    D       A      D      A     D     A      D     A",
            "GET /api/v1/venues/by-code/{code}",            "D    D       A      D      A     D     A      D     A",
            "PUT /api/v1/venues/{id}",                      "D    D       D      D      A     D     D      D     A",
            "PUT /api/v1/venues/{id}/status",               "D    D       D      D      A     D     D      D     A",
            "POST /api/v1/venues/import",                   "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/venues/export",                    "D    D       A      A      A     A     A      D     A",
            // venue codes: whoever sees the venue may print; managers reissue and switch tablet mode; keys: city
            "GET /venues/{id}/code",                        "D    D       A      D      A     D     A      D     A",
            "POST /venues/{id}/code/reissue",               "D    D       D      D      A     D     D      D     A",
            "GET /venues/{id}/qr.png",                      "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/qr.svg",                      "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/poster",                      "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/poster.pdf",                  "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/tablet",                      "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/tablet/code",                 "D    D       A      D      A     D     A      D     A",
            "GET /venues/{id}/tablet/qr.png",               "D    D       A      D      A     D     A      D     A",
            "POST /venues/{id}/tablet-mode",                "D    D       D      D      A     D     D      D     A",
            "GET /posters",                                 "D    D       D      D      A     A     D      D     A",
            "POST /posters/jobs",                           "D    D       D      D      A     A     D      D     A",
            "GET /posters/jobs/{id}",                       "D    D       D      D      A     A     D      D     A",
            "GET /posters/jobs/{id}/download",              "D    D       D      D      A     A     D      D     A",
            "GET /codes/keys",                              "D    D       D      D      D     D     D      D     A",
            "POST /codes/keys/rotate",                      "D    D       D      D      D     D     D      D     A",
            "POST /codes/keys/{kid}/retire",                "D    D       D      D      D     D     D      D     A",
            "GET /.well-known/jiaxing-keys",                "A    A       A      A      A     A     A      A     A",
            // check-in: the scan flow is public (the code is the credential); the console is the door staff's
            "GET /c/{token}",                               "A    A       A      A      A     A     A      A     A",
            "POST /c/{token}",                              "A    A       A      A      A     A     A      A     A",
            "POST /c/{token}/leave",                        "A    A       A      A      A     A     A      A     A",
            "GET /c/{token}/companions",                    "A    A       A      A      A     A     A      A     A",
            "POST /c/{token}/companions",                   "A    A       A      A      A     A     A      A     A",
            "POST /api/v1/checkins",                        "A    A       A      A      A     A     A      A     A",
            "GET /me",                                      "D    A       D      D      D     D     D      D     D",
            "POST /me/name",                                "D    A       D      D      D     D     D      D     D",
            "GET /console",                                 "D    D       A      A      D     D     D      D     D",
            "GET /console/{venueId}",                       "D    D       A      D      D     D     D      D     D",
            "GET /console/{venueId}/entrants",              "D    D       A      D      D     D     D      D     D",
            "POST /console/{venueId}/assisted",             "D    D       A      D      D     D     D      D     D",
            "GET /checkins/import",                         "D    D       D      D      A     A     A      D     A",
            "POST /checkins/import",                        "D    D       D      D      A     A     A      D     A",
            "POST /api/v1/checkins/import",                 "D    D       D      D      A     A     A      D     A",
            // health status: officials only
            "GET /health/persons",                          "D    D       D      D      D     D     A      D     A",
            "POST /health/persons/search",                  "D    D       D      D      D     D     A      D     A",
            "GET /health/persons/{personId}",               "D    D       D      D      D     D     A      D     A",
            "POST /health/persons/{personId}/status",       "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/health/persons/{personId}/status", "D    D       D      D      D     D     A      D     A",
            "PUT /api/v1/health/persons/{personId}/status", "D    D       D      D      D     D     A      D     A",
            // dashboard (issue 5), tracing and audit (issue 4), key projects (issue 6); object-level scope of
            // projects, problems and investigations is tested in their modules' web tests
            "GET /api/v1/audit/verify",                     "D    D       D      D      D     D     D      D     A",
            "GET /api/v1/dashboard/compliance",             "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/compliance/export",      "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/coverage",               "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/flags",                  "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/flags/counts",           "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/flags/{id}",             "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/heat",                   "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/map",                    "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/dashboard/scans",                  "D    D       D      D      A     A     D      D     A",
            "GET /api/v1/tracing/investigations",           "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/tracing/investigations/{id}",      "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/tracing/investigations/{id}/contacts", "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/tracing/investigations/{id}/export.csv", "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/tracing/investigations/{id}/export.xlsx", "D    D       D      D      D     D     A      D     A",
            "GET /api/v1/tracing/rules",                    "D    D       D      D      D     D     A      D     A",
            "GET /dashboard",                               "D    D       D      D      A     A     D      D     A",
            "GET /dashboard/flags/{id}",                    "D    D       D      D      A     A     D      D     A",
            "GET /meetings",                                "D    D       D      D      D     D     D      A     A",
            "GET /morning",                                 "D    D       D      D      D     D     D      A     A",
            "GET /morning/{day}",                           "D    D       D      D      D     D     D      A     A",
            "GET /problems",                                "D    D       D      D      A     A     D      A     A",
            "GET /problems/{id}",                           "D    D       D      D      A     A     D      A     A",
            "GET /projects",                                "D    D       D      D      A     A     D      A     A",
            "GET /projects/export.xlsx",                    "D    D       D      D      A     A     D      A     A",
            "GET /projects/files/{key}",                   "D    D       D      D      A     A     D      A     A",
            "GET /projects/new",                            "D    D       D      D      D     D     D      A     A",
            "GET /projects/ranking",                        "D    D       D      D      A     A     D      A     A",
            "GET /projects/ranking/colours.json",           "D    D       D      D      A     A     D      A     A",
            "GET /projects/{id}",                           "D    D       D      D      A     A     D      A     A",
            "GET /projects/{id}/channel",                   "D    D       D      D      A     A     D      A     A",
            "GET /projects/{id}/site-code.png",             "D    D       D      D      A     A     D      A     A",
            "GET /site/{token}",                            "D    D       D      D      A     A     D      A     A",
            "GET /tracing",                                 "D    D       D      D      D     D     A      D     A",
            "GET /tracing/investigations/{id}",             "D    D       D      D      D     D     A      D     A",
            "GET /tracing/investigations/{id}/contacts",    "D    D       D      D      D     D     A      D     A",
            "GET /tracing/rules",                           "D    D       D      D      D     D     A      D     A",
            "POST /api/v1/dashboard/live-counting",         "D    D       D      D      D     D     D      D     A",
            "POST /api/v1/dashboard/rebuild",               "D    D       D      D      D     D     D      D     A",
            "POST /api/v1/tracing/investigations",          "D    D       D      D      D     D     A      D     A",
            "POST /api/v1/tracing/investigations/csv",      "D    D       D      D      D     D     A      D     A",
            "POST /api/v1/tracing/investigations/{id}/apply", "D    D       D      D      D     D     A      D     A",
            "POST /api/v1/tracing/investigations/{id}/reveal", "D    D       D      D      D     D     A      D     A",
            "POST /api/v1/tracing/investigations/{id}/reveal/approve", "D    D       D      D      D     D     A      D     A",
            "POST /meetings",                               "D    D       D      D      D     D     D      A     A",
            "POST /morning/generate",                       "D    D       D      D      D     D     D      A     A",
            "POST /problems/{id}/assign",                   "D    D       D      D      A     A     D      A     A",
            "POST /problems/{id}/{step:start|resolve|verify|reopen|note|escalate}", "D    D       D      D      A     A     D      A     A",
            "POST /projects",                               "D    D       D      D      D     D     D      A     A",
            "POST /projects/{id}/channel",                  "D    D       D      D      A     A     D      A     A",
            "POST /projects/{id}/channel/{messageId}/problem", "D    D       D      D      A     A     D      A     A",
            "POST /projects/{id}/members",                  "D    D       D      D      D     D     D      A     A",
            "POST /projects/{id}/problems",                 "D    D       D      D      A     A     D      A     A",
            "POST /projects/{id}/reports",                  "D    D       D      D      A     A     D      A     A",
            "POST /projects/{id}/stages/{stage}",           "D    D       D      D      A     A     D      A     A",
            "POST /tracing/investigations",                 "D    D       D      D      D     D     A      D     A",
            "POST /tracing/investigations/{id}/apply",      "D    D       D      D      D     D     A      D     A",
            "POST /tracing/investigations/{id}/reveal",     "D    D       D      D      D     D     A      D     A",
            "POST /tracing/investigations/{id}/reveal/approve", "D    D       D      D      D     D     A      D     A",
            "POST /tracing/rules/{code}",                   "D    D       D      D      D     D     D      D     A",
            "PUT /api/v1/tracing/rules/{category}",         "D    D       D      D      D     D     D      D     A");
    // @formatter:on

    private static final int[] WIDTHS = {5, 8, 7, 7, 6, 6, 7, 6, 4};

    /** Operational endpoints outside the MVC mappings (actuator), checked with the same table. */
    static final List<String> EXTRA = List.of("GET /actuator/health", "GET /actuator/info", "GET /actuator/metrics",
            "GET /actuator/prometheus");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired VisitorPasses passes;
    @Autowired org.jiaxing.person.Persons persons;

    Venue venueA;
    Venue venueB;
    long personP;
    String maskedP = "欧*娜";
    String maskedQ = "司*如";
    Map<Caller, StaffUser> staff;
    String pass;

    @BeforeEach
    void world() throws Exception {
        long n = System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(
                new VenueDraft("MA-" + n, "甲场所当湖" + n, "RESTAURANT", "danghu", "当湖路 1 号", null, null, null, null,
                        null, null),
                new VenueDraft("MB-" + n, "乙场所广陈" + n, "RESTAURANT", "guangchen", "广陈路 2 号", null, null, null,
                        null, null, null)));
        venueA = venues.findByCode("MA-" + n).orElseThrow();
        venueB = venues.findByCode("MB-" + n).orElseThrow();
        String idP = id("33048219900101" + String.format("%03d", n % 1000));
        String idQ = id("33048219910202" + String.format("%03d", n % 1000));
        checkIn(venueA, idP, "欧阳娜");
        checkIn(venueB, idQ, "司马如");
        personP = persons.findByIdNumber(idP).orElseThrow().id();
        pass = passes.issue(personP);
        long ids = 930_000 + n % 1000 * 10;
        staff = Map.of(
                Caller.STAFF_A, new StaffUser(ids + 1, "m-staff-a", "甲门岗", Role.VENUE_STAFF, null, Set.of(venueA.id()), true, null),
                Caller.STAFF_B, new StaffUser(ids + 2, "m-staff-b", "乙门岗", Role.VENUE_STAFF, null, Set.of(venueB.id()), true, null),
                Caller.TOWN_X, new StaffUser(ids + 3, "m-town-x", "当湖", Role.TOWN_ADMIN, "danghu", Set.of(), true, null),
                Caller.TOWN_Y, new StaffUser(ids + 4, "m-town-y", "广陈", Role.TOWN_ADMIN, "guangchen", Set.of(), true, null),
                Caller.TRACER, new StaffUser(ids + 5, "m-tracer", "流调", Role.TRACER, null, Set.of(), true, null),
                Caller.SUPERVISOR, new StaffUser(ids + 6, "m-super", "督考", Role.SUPERVISOR, null, Set.of(), true, null),
                Caller.CITY, new StaffUser(ids + 7, "m-city", "市级", Role.CITY_ADMIN, null, Set.of(), true, null));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        Set<String> endpoints = endpoints();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (String endpoint : endpoints) {
            StringBuilder observed = new StringBuilder();
            for (Caller caller : Caller.values()) {
                MvcResult result = mvc.perform(request(endpoint, caller)).andReturn();
                int status = result.getResponse().getStatus();
                if (!endpoint.equals("ANY /error")) { // only reached by the container's error dispatch
                    assertThat(status).as("%s as %s", endpoint, caller).isLessThan(500);
                }
                boolean allowed = allowed(endpoint, result);
                observed.append(String.format("%-" + WIDTHS[caller.ordinal()] + "s", allowed ? "A" : "D"));
                String expected = EXPECTED.get(endpoint);
                if (expected != null && (expected.charAt(caller.ordinal()) == 'A') != allowed) {
                    wrong.add(endpoint + " as " + caller + ": expected " + expected.charAt(caller.ordinal())
                            + ", got " + status + " " + redirect(result));
                }
                leaks.addAll(leaks(endpoint, caller, result));
            }
            if (!EXPECTED.containsKey(endpoint)) {
                missing.add(String.format("\"%s\",%s\"%s\",", endpoint, " ".repeat(Math.max(1, 45 - endpoint.length())),
                        observed.toString().strip()));
            }
        }
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(endpoints);
        assertThat(missing).as("endpoints without a row in AuthorizationMatrixTests.EXPECTED; observed (review "
                + "before pasting!):\n" + String.join("\n", missing)).isEmpty();
        assertThat(stale).as("rows for endpoints that no longer exist").isEmpty();
        assertThat(wrong).as("answers that differ from the table").isEmpty();
        assertThat(leaks).as("responses naming data outside the caller's scope").isEmpty();
    }

    // ---- what the table is checked against

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                for (RequestMethod method : methods) {
                    endpoints.add(method + " " + pattern);
                }
            }
        }
        endpoints.addAll(EXTRA);
        return endpoints;
    }

    private AbstractMockHttpServletRequestBuilder<?> request(String endpoint, Caller caller) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{token}", codes.current(venueA.id()).token())
                .replace("{personId}", Long.toString(personP))
                .replace("{code}", venueA.code())
                .replace("{kid}", "999999")
                // flags are raised by other tests sharing the context: name one that surely does not exist
                .replace("/flags/{id}", "/flags/999999999")
                // a constrained variable ({step:start|resolve}) takes its first allowed value
                .replaceAll("\\{[a-zA-Z]+:([a-zA-Z-]+)[^}]*}", "$1")
                .replaceAll("\\{\\*?[a-zA-Z]*}", Long.toString(venueA.id()))
                .replace("/**", "/x");
        HttpMethod http = method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
        AbstractMockHttpServletRequestBuilder<?> request = path.endsWith("/import") && http.equals(HttpMethod.POST)
                // a file with one bad row: allowed callers get the row errors (400), nothing is written
                ? MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "bad.csv", "text/csv",
                        (org.jiaxing.venue.ImportFiles.HEADER + "\r\nMX-1,名,NO_SUCH_CATEGORY,当湖街道,路,,,,\r\n")
                                .getBytes(StandardCharsets.UTF_8)))
                : path.endsWith("/investigations/csv")
                        // a cluster file with one broken line: allowed callers get the line error (400)
                        ? MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "cases.csv",
                                "text/csv", "case,from,to\r\nnot-a-phone,x,y\r\n".getBytes(StandardCharsets.UTF_8)))
                        : MockMvcRequestBuilders.request(http, path);
        if (!http.equals(HttpMethod.GET)) {
            request.with(csrf());
            if (path.startsWith("/api/") && !path.endsWith("/import") && !path.endsWith("/csv")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        String parameters = SAMPLE_PARAMETERS.get(endpoint);
        if (parameters != null) {
            for (String parameter : parameters.split("&")) {
                request.param(parameter.substring(0, parameter.indexOf('=')),
                        parameter.substring(parameter.indexOf('=') + 1));
            }
        }
        switch (caller) {
            case ANONYMOUS -> { }
            case VISITOR -> request.cookie(new Cookie("JX_VISITOR", pass));
            default -> request.with(user(staff.get(caller)));
        }
        return request;
    }

    private static boolean allowed(String endpoint, MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = redirect(result);
        if (status == 401 || status == 403 || location.endsWith("/login")) {
            return false;
        }
        return status != 404 || NOT_FOUND_MEANS_ALLOWED.contains(endpoint);
    }

    private List<String> leaks(String endpoint, Caller caller, MvcResult result) throws Exception {
        String type = result.getResponse().getContentType();
        if (type == null || !(type.contains("html") || type.contains("json") || type.contains("csv"))) {
            return List.of();
        }
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Set<String> forbidden = new LinkedHashSet<>();
        String expected = EXPECTED.get(endpoint);
        if (expected != null && expected.charAt(Caller.ANONYMOUS.ordinal()) == 'A') {
            // public pages (the scan flow) show the venue on the poster to anyone; persons only to themselves
            forbidden.add(maskedQ);
            if (caller != Caller.VISITOR) {
                forbidden.add(maskedP);
            }
        } else {
            switch (caller) {
                case STAFF_A, TOWN_X -> forbidden.addAll(List.of(venueB.name(), venueB.code(), maskedQ));
                case STAFF_B, TOWN_Y -> forbidden.addAll(List.of(venueA.name(), venueA.code(), maskedP));
                case ANONYMOUS, SUPERVISOR -> forbidden.addAll(List.of(maskedP, maskedQ));
                case VISITOR -> forbidden.addAll(List.of(venueB.name(), maskedQ));
                default -> { }
            }
        }
        // an error may repeat what the caller sent (a venue code in the URL); that tells them nothing new
        forbidden.removeIf(marker -> result.getRequest().getRequestURI().contains(marker));
        List<String> found = new ArrayList<>();
        for (String marker : forbidden) {
            if (body.contains(marker)) {
                found.add(endpoint + " as " + caller + " shows " + marker);
            }
        }
        return found;
    }

    private static String redirect(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return location == null ? "" : location;
    }

    private void checkIn(Venue venue, String idNumber, String name) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/api/v1/checkins")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueToken\":\"" + codes.current(venue.id()).token() + "\",\"idNumber\":\"" + idNumber
                        + "\",\"name\":\"" + name + "\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
    }

    private static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static Map<String, String> rows(String... cells) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            String letters = cells[i + 1].replace(" ", "");
            if (letters.length() != Caller.values().length || !letters.matches("[AD]+")) {
                throw new IllegalArgumentException("row " + cells[i] + " needs one A or D per caller: " + cells[i + 1]);
            }
            if (rows.put(cells[i], letters) != null) {
                throw new IllegalArgumentException("duplicate row " + cells[i]);
            }
        }
        return rows;
    }
}
