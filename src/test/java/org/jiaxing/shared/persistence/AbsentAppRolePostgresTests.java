package org.jiaxing.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.jiaxing.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The grants migration (V53_2) names a role that does not exist (created later, or a typo): the migrations
 * still succeed and grant nothing, instead of stopping the server.
 */
@SpringBootTest(properties = "spring.flyway.placeholders[appRole]=jx_no_such_role")
@PostgresTest
// no other class shares this context: closing it at once gives its connections back
@DirtiesContext
class AbsentAppRolePostgresTests {

    @Autowired JdbcClient jdbc;
    @Autowired Flyway flyway;

    @Test
    void theMigrationsSucceedAndGrantNothing() {
        assertThat(flyway.getConfiguration().getPlaceholders()).containsEntry("appRole", "jx_no_such_role");
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '53.2'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.role_table_grants
                WHERE table_schema = current_schema() AND grantee <> current_user""").query(Long.class).single())
                .isZero();
    }
}
