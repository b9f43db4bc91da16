package org.jiaxing.checkin.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.shared.time.DbTime;

/** The columns a {@link Checkin} is read from, and the mapping. */
final class CheckinRows {

    static final String COLUMNS =
            "id, person_id, venue_id, checked_in_at, checked_out_at, last_seen_at, refused, channel";

    /** {@link #COLUMNS} qualified with a table alias, for queries that join the check-in table to itself. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private CheckinRows() {
    }

    static Checkin checkin(ResultSet rs, int row) throws SQLException {
        return new Checkin(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("venue_id"),
                DbTime.fromDb(rs.getLong("checked_in_at")), DbTime.fromDbNullable(rs.getObject("checked_out_at")),
                DbTime.fromDbNullable(rs.getObject("last_seen_at")), rs.getInt("refused") == 1,
                CheckinChannel.ofCode(rs.getInt("channel")));
    }
}
