package org.jiaxing.shared.time;

import java.time.Instant;

/**
 * The one place where instants meet the database. SQLite has no timestamp-with-zone type, so every
 * instant is stored as epoch milliseconds in a BIGINT column, on both databases.
 */
public final class DbTime {

    private DbTime() {
    }

    public static long toDb(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Long toDbNullable(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static Instant fromDb(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** For nullable columns read with {@code ResultSet.getObject}. */
    public static Instant fromDbNullable(Object value) {
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }
}
