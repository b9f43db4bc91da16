package org.jiaxing.checkin.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** By default the benchmark endpoints do not exist: 404 for everyone, not a login prompt. */
@SpringBootTest
@AutoConfigureMockMvc
class BenchDisabledTests {

    @Autowired MockMvc mvc;

    @Test
    void echoAndCheckinsAre404() throws Exception {
        for (String path : new String[] {"/api/v1/bench/echo", "/api/v1/bench/checkins", "/api/v1/bench/naive-checkins",
                "/api/v1/bench/setup", "/api/v1/bench/gather-interval"}) {
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(ScanRequests.json(1, 2)))
                    .andExpect(status().isNotFound());
        }
    }
}
