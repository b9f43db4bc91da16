package org.jiaxing.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's database as the generator sees it: venues to read, persons and check-ins to bulk-load
 * with the vendor's fastest path. Subclasses are not thread-safe: one loading thread.
 */
abstract class CityDatabase implements AutoCloseable {

    protected final Connection connection;

    CityDatabase(Connection connection) {
        this.connection = connection;
    }

    static CityDatabase open(CityOptions options) throws SQLException {
        Connection connection = java.sql.DriverManager.getConnection(options.url(), options.user(), "");
        return options.postgres() ? new PostgresCity(connection) : new SqliteCity(connection);
    }

    /** The active venues (check-ins go only there). */
    List<CityVenue> venues() throws SQLException {
        List<CityVenue> venues = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, category_code, town_code, longitude, latitude FROM venue "
                     + "WHERE status = 'ACTIVE' ORDER BY id")) {
            while (rs.next()) {
                double longitude = rs.getDouble(4);
                longitude = rs.wasNull() ? Double.NaN : longitude;
                double latitude = rs.getDouble(5);
                latitude = rs.wasNull() ? Double.NaN : latitude;
                venues.add(new CityVenue(rs.getLong(1), rs.getString(2), rs.getString(3), longitude, latitude));
            }
        }
        return venues;
    }

    long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The key check values the application stored on its first start (purpose → SHA-256 hex). */
    Map<String, String> keyChecks() throws SQLException {
        Map<String, String> checks = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT purpose, check_value FROM person_key WHERE kid = 1");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                checks.put(rs.getString(1), rs.getString(2));
            }
        }
        return checks;
    }

    /** The database server's own CPU time when it is a separate local process (for the logs), or "". */
    String serverCpu() {
        return "";
    }

    /** Inserts the persons (ids given), in one go. */
    abstract void insertPersons(List<PersonRecords.Person> persons) throws SQLException;

    /** Before the check-ins: drop the check-in indexes, switch to the fast unsafe load settings. */
    abstract void beginCheckins() throws SQLException;

    /** Writes one day's rows, ids {@code firstId…} in row order. */
    abstract void writeDay(DayRows rows, long firstId) throws SQLException;

    /** After the check-ins: recreate the indexes, statistics, sequences, safe settings back. */
    abstract void finishCheckins(long lastId, Progress progress) throws SQLException;

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Where the long steps report. */
    interface Progress {
        void log(String format, Object... args);
    }
}
