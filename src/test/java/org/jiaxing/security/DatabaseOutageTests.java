package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.sql.DataSource;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * With the database gone (the connection pool closed, as after an outage that outlived it), requests
 * fail fast with 503 and Retry-After, pages and API alike, and the health endpoint reports DOWN.
 * The full outage-and-recovery run against a stopped PostgreSQL is bench/reliability/db-outage.sh.
 */
@SpringBootTest(properties = "spring.datasource.hikari.connection-timeout=1000")
@AutoConfigureMockMvc
@DirtiesContext
class DatabaseOutageTests {

    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;

    @Test
    void withoutADatabaseEveryoneGetsAFast503WithRetryAfterAndHealthSaysDown() throws Exception {
        StaffUser city = new StaffUser(940_001, "outage-city", "城市", Role.CITY_ADMIN, null, Set.of(), true, null);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/venues").with(user(city))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);

        dataSource.unwrap(HikariDataSource.class).close();

        long started = System.nanoTime();
        MvcResult api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/venues").with(user(city))).andReturn();
        MvcResult page = mvc.perform(MockMvcRequestBuilders.get("/venues").with(user(city))
                .accept(MediaType.TEXT_HTML)).andReturn();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(api.getResponse().getStatus()).isEqualTo(503);
        assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("error.status.503")
                .doesNotContain("Exception", "jdbc");
        assertThat(page.getResponse().getStatus()).isEqualTo(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("服务暂时不可用");
        assertThat(millis).as("fails fast, no hang").isLessThan(5_000);

        MvcResult health = mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andReturn();
        assertThat(health.getResponse().getStatus()).isEqualTo(503);
        assertThat(health.getResponse().getContentAsString()).contains("DOWN");
    }
}
