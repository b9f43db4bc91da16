package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.hamcrest.Matchers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.checkin.domain.GatherInterval;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With jiaxing.bench.enabled, on both databases: setup makes real codes and passes, echo looks up and
 * writes nothing, the naive baseline does the real API's work, both id-based check-in modes write a row
 * (their ids do not collide); no login, no CSRF.
 */
abstract class BenchEndpointsContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired GatherInterval gatherInterval;

    private final long person = TestIds.person();
    private final long venue = TestIds.venue();

    @Test
    void setupMakesVenuesAndPersonsWhoseCodesAndPassesCheckInThroughTheRealApi() throws Exception {
        JsonNode setup = setup(3, 4);
        assertThat(setup.get("venueTokens")).hasSize(3);
        assertThat(setup.get("visitorPasses")).hasSize(4);
        String scan = scan(setup.get("venueTokens").get(0).asString(), setup.get("visitorPasses").get(1).asString());

        mvc.perform(post("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON).content(scan))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.status").value("GREEN"))
                .andExpect(jsonPath("$.maskedName").value(Matchers.containsString("*")));
        mvc.perform(post("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON).content(scan))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));

        // the same numbers are the same venues and persons: a second setup creates nothing new
        long persons = count("person");
        long venues = count("venue");
        JsonNode again = setup(3, 4);
        assertThat(again.get("venueTokens")).isEqualTo(setup.get("venueTokens"));
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("venue")).isEqualTo(venues);
    }

    @Test
    void echoTakesTheCheckinBodyAndAnswersItsShapeButLooksUpAndWritesNothing() throws Exception {
        long before = count("checkin");
        // a well-formed token and pass that no server signed: the echo checks shapes only
        mvc.perform(post("/api/v1/bench/echo").contentType(MediaType.APPLICATION_JSON)
                        .content(scan("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "v1.17.1764300000.abc_DEF-123")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checkinId").value(0))
                .andExpect(jsonPath("$.status").value("GREEN"))
                .andExpect(jsonPath("$.maskedName").exists());

        assertThat(count("checkin")).isEqualTo(before);
    }

    @Test
    void echoRefusesAMalformedPassWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/bench/echo").contentType(MediaType.APPLICATION_JSON)
                        .content(scan("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "v2.17.1764300000.abc")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("checkin.error.field.visitorPass"));
    }

    @Test
    void echoParkAndEchoAsyncAnswerLikeTheEchoAfterAFakeCommitAndWriteNothing() throws Exception {
        long before = count("checkin");
        String body = scan("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "v1.17.1764300000.abc_DEF-123");

        mvc.perform(post("/api/v1/bench/echo-park").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checkinId").value(0))
                .andExpect(jsonPath("$.status").value("GREEN"));
        MvcResult started = mvc.perform(post("/api/v1/bench/echo-async").contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checkinId").value(0))
                .andExpect(jsonPath("$.maskedName").exists());
        // a malformed body is refused before any wait, as by the echo
        mvc.perform(post("/api/v1/bench/echo-async").contentType(MediaType.APPLICATION_JSON)
                        .content(scan("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "v2.17.1764300000.abc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("checkin.error.field.visitorPass"));

        assertThat(count("checkin")).isEqualTo(before);
    }

    @Test
    void naiveCheckinsDoTheRealWorkAndWriteOneRowPerRequestWithTheSameDedup() throws Exception {
        JsonNode setup = setup(2, 2);
        String token = setup.get("venueTokens").get(1).asString();
        String pass = setup.get("visitorPasses").get(0).asString();
        long before = count("checkin");

        mvc.perform(post("/api/v1/bench/naive-checkins").contentType(MediaType.APPLICATION_JSON).content(scan(token, pass)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.venueName").value("压测场所2"));
        mvc.perform(post("/api/v1/bench/naive-checkins").contentType(MediaType.APPLICATION_JSON).content(scan(token, pass)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));
        assertThat(count("checkin")).isEqualTo(before + 1);

        // the same checks as the real API: a forged code or pass is refused and writes nothing
        mvc.perform(post("/api/v1/bench/naive-checkins").contentType(MediaType.APPLICATION_JSON)
                        .content(scan(Tampering.tampered(token), pass)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/bench/naive-checkins").contentType(MediaType.APPLICATION_JSON)
                        .content(scan(token, Tampering.tampered(pass))))
                .andExpect(status().isNotFound());
        assertThat(count("checkin")).isEqualTo(before + 1);
    }

    private JsonNode setup(int venues, int persons) throws Exception {
        String json = mvc.perform(post("/api/v1/bench/setup").param("venues", String.valueOf(venues))
                        .param("persons", String.valueOf(persons)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(json);
    }

    private static String scan(String token, String pass) {
        return "{\"venueToken\":\"" + token + "\",\"visitorPass\":\"" + pass + "\"}";
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void groupModeRecordsThroughTheWriterAndDeduplicates() throws Exception {
        mvc.perform(post("/api/v1/bench/checkins").contentType(MediaType.APPLICATION_JSON)
                        .content(ScanRequests.json(person, venue)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(false));
        mvc.perform(post("/api/v1/bench/checkins").param("mode", "group").contentType(MediaType.APPLICATION_JSON)
                        .content(ScanRequests.json(person, venue)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(rowsOf(person)).isEqualTo(1);
    }

    @Test
    void naiveModeWritesOneRowPerRequestWithTheSameDedup() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/bench/checkins").param("mode", "naive").contentType(MediaType.APPLICATION_JSON)
                            .content(ScanRequests.json(person, venue)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.duplicate").value(i == 1));
        }
        // the writer's ids and the database's own ids do not collide, in either order
        for (String mode : new String[] {"group", "naive", "group"}) {
            mvc.perform(post("/api/v1/bench/checkins").param("mode", mode).contentType(MediaType.APPLICATION_JSON)
                            .content(ScanRequests.json(TestIds.person(), venue)))
                    .andExpect(status().isOk());
        }

        assertThat(rowsOf(person)).isEqualTo(1);
    }

    @Test
    void statsShowHowManyRequestsTheWriterCommittedInHowManyTransactions() throws Exception {
        mvc.perform(post("/api/v1/bench/checkins").contentType(MediaType.APPLICATION_JSON)
                        .content(ScanRequests.json(person, venue)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/bench/stats"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transactions").value(Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.requests").value(Matchers.greaterThan(0)));
    }

    @Test
    void theGatherIntervalChangesWhileTheServerRunsAndOnlyWithinZeroToOneSecond() throws Exception {
        Duration configured = gatherInterval.get();
        assertThat(configured).as("the default (docs/DECISIONS.md 44)").isEqualTo(Duration.ofMillis(3));
        try {
            mvc.perform(post("/api/v1/bench/gather-interval").param("micros", "2500"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.micros").value(2500));
            assertThat(gatherInterval.get()).isEqualTo(Duration.ofNanos(2_500_000));

            mvc.perform(post("/api/v1/bench/gather-interval").param("micros", "1000001"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("checkin.error.field.micros"));
            mvc.perform(post("/api/v1/bench/gather-interval").param("micros", "-1"))
                    .andExpect(status().isBadRequest());
            assertThat(gatherInterval.get()).as("unchanged by refused values").isEqualTo(Duration.ofNanos(2_500_000));
        } finally {
            gatherInterval.set(configured);
        }
    }

    @Test
    void anUnknownModeIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/bench/checkins").param("mode", "fast").contentType(MediaType.APPLICATION_JSON)
                        .content(ScanRequests.json(person, venue)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("checkin.error.field.mode"));
        assertThat(rowsOf(person)).isZero();
    }

    private long rowsOf(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM checkin WHERE person_id = :p").param("p", personId).query(Long.class)
                .single();
    }
}
