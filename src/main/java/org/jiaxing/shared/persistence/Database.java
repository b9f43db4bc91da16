package org.jiaxing.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database we run on, for the few statements that differ (kept as rare as possible). */
@Component
public class Database {

    public enum Vendor { SQLITE, POSTGRESQL }

    private final Vendor vendor;

    Database(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            this.vendor = product.contains("sqlite") ? Vendor.SQLITE : Vendor.POSTGRESQL;
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    public boolean isSqlite() {
        return vendor == Vendor.SQLITE;
    }
}
