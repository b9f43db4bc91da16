package org.jiaxing.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts the SQLite pool behind a {@link SqliteCarrierGate} ({@link GatedHikariDataSource}) when requests run on virtual threads
 * ({@code spring.threads.virtual.enabled}); PostgreSQL's driver is plain Java and needs none.
 */
@Component
class SqliteCarrierGates implements BeanPostProcessor {

    private final Environment environment;

    SqliteCarrierGates(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:sqlite:")
                && environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false)) {
            // not started yet (Hikari opens the pool on the first connection): the gated pool takes its place
            GatedHikariDataSource gated = new GatedHikariDataSource();
            dataSource.copyStateTo(gated);
            return gated;
        }
        return bean;
    }
}
