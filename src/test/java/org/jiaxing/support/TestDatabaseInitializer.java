package org.jiaxing.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: a fresh SQLite file (and data
 * directory, so generated keys are fresh too) by default, or a fresh PostgreSQL schema for classes
 * annotated {@link PostgresTest}; with {@code jiaxing.test.split-roles=true} as well, the schema belongs to a
 * fresh owner role that runs the migrations and the application connects as a fresh role with row rights
 * only ({@link SplitRoles}). Registered for all tests in {@code META-INF/spring.factories}.
 *
 * <p>Benchmarks on a pre-built data set (bench/run-tracing-bench.sh) pass {@code -Dbench.url} (JDBC URL),
 * {@code -Dbench.data-dir} (its data directory, for the person keys) and optionally {@code -Dbench.user}: the
 * context then opens that database as it is, nothing created or dropped, and skips the start-up rebuild of the
 * dashboard rollups (a full scan of the city's check-ins that the benchmark does not measure).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String benchUrl = System.getProperty("bench.url");
        if (benchUrl != null && !benchUrl.isBlank()) {
            Map<String, Object> bench = new HashMap<>();
            bench.put("spring.datasource.url", benchUrl);
            bench.put("spring.datasource.username", System.getProperty("bench.user", ""));
            bench.put("jiaxing.data-dir", Path.of(System.getProperty("bench.data-dir", "data")).toAbsolutePath().toString());
            bench.put("jiaxing.dashboard.rebuild-on-start", "false");
            environment.getPropertySources().addFirst(new MapPropertySource("jiaxing-bench-database", bench));
            return;
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dataDir = Path.of("target", "test-data", id).toAbsolutePath();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jiaxing.data-dir", dataDir.toString());
        if ("postgresql".equals(environment.getProperty("jiaxing.test.database"))
                && environment.getProperty("jiaxing.test.split-roles", Boolean.class, false)) {
            SplitRoles roles = SplitRoles.create(id);
            properties.put("spring.datasource.url", PostgresTestDatabase.url(roles.schema()));
            properties.put("spring.datasource.username", roles.app());
            properties.put("spring.flyway.user", roles.owner());
            properties.put("spring.flyway.schemas", roles.schema());
            properties.put("jiaxing.test.owner-role", roles.owner());
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    roles.drop();
                }
            });
        } else if ("postgresql".equals(environment.getProperty("jiaxing.test.database"))) {
            String schema = PostgresTestDatabase.createSchema("jx_test_" + id);
            properties.put("spring.datasource.url", PostgresTestDatabase.url(schema));
            properties.put("spring.datasource.username", PostgresTestDatabase.USER);
            properties.put("spring.flyway.schemas", schema);
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    PostgresTestDatabase.dropSchema(schema);
                }
            });
        } else {
            properties.put("spring.datasource.url", "jdbc:sqlite:" + dataDir.resolve("jiaxing.db")
                    + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("jiaxing-test-database", properties));
    }
}
