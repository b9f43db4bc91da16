package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jiaxing.checkin.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With jiaxing.bench.enabled, on both databases: echo writes nothing, both check-in modes write a row
 * (their ids do not collide); no login, no CSRF.
 */
abstract class BenchEndpointsContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private final long person = TestIds.person();
    private final long venue = TestIds.venue();

    @Test
    void echoValidatesAndAnswersButWritesNothing() throws Exception {
        mvc.perform(post("/api/v1/bench/echo").contentType(MediaType.APPLICATION_JSON)
                        .content(ScanRequests.json(person, venue)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(person))
                .andExpect(jsonPath("$.venueId").value(venue))
                .andExpect(jsonPath("$.name").value("张*丰"))
                .andExpect(jsonPath("$.checkinId").value(0));

        assertThat(rowsOf(person)).isZero();
    }

    @Test
    void echoRefusesAnInvalidBodyWithProblemDetails() throws Exception {
        String badId = ScanRequests.json("token", "330482198503142021", "13805731234", "张三", person, venue);
        mvc.perform(post("/api/v1/bench/echo").contentType(MediaType.APPLICATION_JSON).content(badId))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("checkin.error.field.idNumber"));
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
