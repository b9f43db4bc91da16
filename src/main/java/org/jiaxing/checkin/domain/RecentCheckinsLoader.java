package org.jiaxing.checkin.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.domain.RecentCheckins.Open;
import org.jiaxing.shared.persistence.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the open, accepted check-ins of the last dedup window at start-up, so that a restart does not
 * forget who is already checked in (a scan right after a restart is still a duplicate).
 */
@Component
class RecentCheckinsLoader {

    private static final String SELECT = """
            SELECT id, person_id, venue_id, checked_in_at, last_seen_at, channel FROM checkin
            WHERE refused = 0 AND checked_out_at IS NULL AND checked_in_at >= :since""";

    private final JdbcClient jdbc;
    private final Database database;
    private final VenueWalk venues;

    RecentCheckinsLoader(JdbcClient jdbc, Database database, VenueWalk venues) {
        this.jdbc = jdbc;
        this.database = database;
        this.venues = venues;
    }

    /** Oldest first, the order the index keeps. */
    List<Open> openCheckedInSince(long sinceMillis) {
        List<Open> open = new ArrayList<>();
        if (database.isSqlite()) {
            // a range per venue on (venue_id, checked_in_at); see VenueWalk
            venues.forEachVenue(venueId -> open.addAll(jdbc.sql(SELECT + " AND venue_id = :venue")
                    .param("since", sinceMillis).param("venue", venueId).query(RecentCheckinsLoader::open).list()));
        } else {
            // the time range selects today's (and maybe yesterday's) day partition only
            open.addAll(jdbc.sql(SELECT).param("since", sinceMillis).query(RecentCheckinsLoader::open).list());
        }
        open.sort(Comparator.comparingLong(Open::checkedInAt).thenComparingLong(Open::id));
        return open;
    }

    private static Open open(ResultSet rs, int row) throws SQLException {
        Object lastSeen = rs.getObject("last_seen_at");
        return new Open(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("venue_id"), rs.getLong("checked_in_at"),
                lastSeen == null ? 0 : ((Number) lastSeen).longValue(), CheckinChannel.ofCode(rs.getInt("channel")));
    }
}
