package org.jiaxing.bench.city;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL has no demo seeding (the application refuses it there on purpose: made-up venues and printed
 * passwords must never reach production), so generate-city.sh seeds a throw-away SQLite database with the demo
 * and this copies its 4,421 venues (same ids) and its staff accounts (new ids, same usernames and password
 * hashes: the data directory's demo-logins.txt then works on PostgreSQL too) into the PostgreSQL database.
 */
final class DemoCopy {

    private DemoCopy() {
    }

    /** @return venues copied (0 when the target already has venues) */
    static int copy(String sourceUrl, Connection target) throws SQLException {
        try (Connection source = DriverManager.getConnection(sourceUrl);
             Statement count = target.createStatement();
             ResultSet existing = count.executeQuery("SELECT COUNT(*) FROM venue")) {
            existing.next();
            if (existing.getLong(1) > 0) {
                return 0;
            }
            int venues = copyRows(source, target, "SELECT * FROM venue ORDER BY id", "venue");
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('venue', 'id'), (SELECT MAX(id) FROM venue))");
            }
            Map<Long, Long> users = new HashMap<>();
            try (Statement statement = source.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, username, display_name, password_hash, role, town_code, "
                         + "enabled, created_at FROM app_user ORDER BY id");
                 PreparedStatement insert = target.prepareStatement("INSERT INTO app_user (username, display_name, "
                         + "password_hash, role, town_code, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                         + "ON CONFLICT (username) DO NOTHING RETURNING id")) {
                while (rs.next()) {
                    for (int i = 2; i <= 8; i++) {
                        insert.setObject(i - 1, rs.getObject(i));
                    }
                    try (ResultSet id = insert.executeQuery()) {
                        if (id.next()) {
                            users.put(rs.getLong(1), id.getLong(1));
                        }
                    }
                }
            }
            try (Statement statement = source.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT user_id, venue_id FROM app_user_venue");
                 PreparedStatement insert = target.prepareStatement(
                         "INSERT INTO app_user_venue (user_id, venue_id) VALUES (?, ?)")) {
                while (rs.next()) {
                    Long user = users.get(rs.getLong(1));
                    if (user != null) {
                        insert.setLong(1, user);
                        insert.setLong(2, rs.getLong(2));
                        insert.executeUpdate();
                    }
                }
            }
            return venues;
        }
    }

    /** Copies every column of the query's rows into the table of the same column names. */
    private static int copyRows(Connection source, Connection target, String query, String table)
            throws SQLException {
        try (Statement statement = source.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            int rows = 0;
            boolean autoCommit = target.getAutoCommit();
            target.setAutoCommit(false);
            try (PreparedStatement batch = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        batch.setObject(i, rs.getObject(i));
                    }
                    batch.addBatch();
                    rows++;
                }
                batch.executeBatch();
                target.commit();
            } finally {
                target.setAutoCommit(autoCommit);
            }
            return rows;
        }
    }
}
