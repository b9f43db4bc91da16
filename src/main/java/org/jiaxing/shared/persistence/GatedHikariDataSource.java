package org.jiaxing.shared.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQLite pool with its {@link SqliteCarrierGate}. A Hikari pool still (Flyway derives its own pool from
 * the application's by type, the metrics and health read it as Hikari), made from the configured one.
 */
class GatedHikariDataSource extends HikariDataSource {

    private final SqliteCarrierGate gate = new SqliteCarrierGate(SqliteCarrierGate.carriers(), this::getConnectionTimeout);

    /** For a pool derived from this one by type (Flyway's): configured afterwards, gated like this one. */
    GatedHikariDataSource() {
    }

    @Override
    public Connection getConnection() throws SQLException {
        return gate.open(super::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return gate.open(() -> super.getConnection(username, password));
    }

    /** How many virtual threads may hold connections of this pool at once. */
    int gateSize() {
        return gate.size();
    }
}
