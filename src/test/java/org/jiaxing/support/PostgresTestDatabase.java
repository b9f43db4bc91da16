package org.jiaxing.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL that runs on these machines (127.0.0.1:5432, trust auth, database {@code test}). */
public final class PostgresTestDatabase {

    static final String HOST = System.getenv().getOrDefault("JIAXING_TEST_PG_HOST", "127.0.0.1:5432");
    static final String DATABASE = System.getenv().getOrDefault("JIAXING_TEST_PG_DATABASE", "test");
    static final String USER = System.getenv().getOrDefault("JIAXING_TEST_PG_USER", "postgres");

    private PostgresTestDatabase() {
    }

    static String url(String schema) {
        String base = "jdbc:postgresql://" + HOST + "/" + DATABASE + "?connectTimeout=3";
        return schema == null ? base : base + "&currentSchema=" + schema;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(null), USER, "");
    }

    /** Whether the server answers; used to skip locally and to fail loudly under CI. */
    static boolean reachable() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static String createSchema(String schema) {
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    static void dropSchema(String schema) {
        try {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (IllegalStateException e) {
            // best effort at shutdown; a leftover schema is harmless
        }
    }

    static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " failed: " + e.getMessage(), e);
        }
    }
}
