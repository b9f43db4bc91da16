package org.jiaxing.health.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.jiaxing.account.StaffUser;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** PUT/GET /api/v1/health/persons/{id}/status: roles, JSON, problems. */
@SpringBootTest
@AutoConfigureMockMvc
class HealthStatusApiTests {

    private static final String RED_FOR_TWO_WEEKS = """
            {"colour": "RED", "reason": "密接，案例 3", "until": "2099-03-15T08:00:00+08:00"}""";

    @Autowired MockMvc mvc;
    @Autowired Persons persons;
    @Autowired HealthStatuses statuses;

    @Test
    void anonymousCallersGet401() throws Exception {
        long id = aPerson();
        mvc.perform(put(uri(id)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(RED_FOR_TWO_WEEKS))
                .andExpect(status().isUnauthorized());
        // without a CSRF token (and without credentials of its own) the CSRF filter refuses it first
        mvc.perform(put(uri(id)).contentType(MediaType.APPLICATION_JSON).content(RED_FOR_TWO_WEEKS))
                .andExpect(status().isForbidden());
        mvc.perform(get(uri(id))).andExpect(status().isUnauthorized());
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.GREEN);
    }

    @Test
    void otherRolesGet403AndChangeNothing() throws Exception {
        long id = aPerson();
        for (StaffUser refused : List.of(Officials.townAdmin(), Officials.venueStaff(), Officials.supervisor())) {
            mvc.perform(assign(id, RED_FOR_TWO_WEEKS, refused)).andExpect(status().isForbidden());
            mvc.perform(get(uri(id)).with(user(refused))).andExpect(status().isForbidden());
        }
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.GREEN);
    }

    @Test
    void cityAdministratorsAndTracersSetAndReadTheStatus() throws Exception {
        long id = aPerson();

        mvc.perform(assign(id, RED_FOR_TWO_WEEKS, Officials.tracer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(id)).andExpect(jsonPath("$.colour").value("RED"))
                .andExpect(jsonPath("$.refusesEntry").value(true)).andExpect(jsonPath("$.reason").value("密接，案例 3"))
                .andExpect(jsonPath("$.until").value("2099-03-15T00:00:00Z"));
        assertThat(statuses.current(id).until()).isEqualTo(Instant.parse("2099-03-15T00:00:00Z"));

        mvc.perform(get(uri(id)).with(user(Officials.cityAdmin()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.colour").value("RED"));
        mvc.perform(assign(id, "{\"colour\": \"GREEN\", \"reason\": \"解除\"}", Officials.cityAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.refusesEntry").value(false))
                .andExpect(jsonPath("$.until").value(Matchers.nullValue()));
        assertThat(statuses.history(id)).hasSize(2);
    }

    @Test
    void invalidInputIsA400ListingEveryField() throws Exception {
        long id = aPerson();

        mvc.perform(assign(id, "{\"reason\": \"\", \"until\": \"2000-01-01T00:00:00Z\"}", Officials.tracer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("health.error.invalid"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("colour", "reason", "until")))
                .andExpect(jsonPath("$.errors[1].message").value("请填写原因"));
        mvc.perform(assign(id, "{\"colour\": \"BLUE\", \"reason\": \"x\"}", Officials.tracer()))
                .andExpect(status().isBadRequest());
        mvc.perform(assign(id, "{\"colour\": \"RED\", \"reason\": \"x\", \"until\": \"next week\"}", Officials.tracer()))
                .andExpect(status().isBadRequest());
        assertThat(statuses.history(id)).isEmpty();
    }

    @Test
    void anUnknownPersonIsA404() throws Exception {
        mvc.perform(assign(Long.MAX_VALUE, RED_FOR_TWO_WEEKS, Officials.tracer())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("person.error.notFound"));
        mvc.perform(get(uri(Long.MAX_VALUE)).with(user(Officials.tracer()))).andExpect(status().isNotFound());
    }

    private long aPerson() {
        return persons.registerOrUpdate(TestPersons.details("接口测试")).id();
    }

    private static String uri(long id) {
        return "/api/v1/health/persons/" + id + "/status";
    }

    private static MockHttpServletRequestBuilder assign(long id, String body, StaffUser as) {
        return put(uri(id)).with(user(as)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
