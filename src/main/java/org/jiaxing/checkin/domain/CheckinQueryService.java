package org.jiaxing.checkin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.CheckinWithNext;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every query is a range on one index: (venue_id, checked_in_at) or (person_id, checked_in_at). The
 * "with next" variants add, per row, a correlated look-up that is itself a short range on
 * (person_id, checked_in_at), bounded by the horizon (checked with EXPLAIN on both databases, see
 * docs/PERFORMANCE.md): a reader gets each person's next check-in with the rows instead of one query per person.
 */
@Service
class CheckinQueryService implements CheckinQueries {

    /** Ids per statement: far below SQLite's bound-parameter limit, and a plan PostgreSQL still caches. */
    static final int PERSON_CHUNK = 500;

    // Seconds, as the javadoc of CheckinQueries says: "next" starts at the following whole second and ends
    // before this check-in's second plus the horizon. Times are positive millis, so / 1000 * 1000 floors.
    private static final String LOOK_UP = """
            (SELECT MIN(n.checked_in_at) FROM checkin n
             WHERE n.person_id = c.person_id AND n.refused = 0
               AND n.checked_in_at >= c.checked_in_at / 1000 * 1000 + 1000
               AND n.checked_in_at < c.checked_in_at / 1000 * 1000 + :horizon)""";
    private static final String NEXT = LOOK_UP + " AS next_at";
    private static final String NEXT_WHERE_NEEDED = "CASE WHEN c.checked_in_at >= :allFrom"
            + " OR c.checked_out_at > c.checked_in_at + :longerThan THEN " + LOOK_UP + " END AS next_at";

    private final JdbcClient jdbc;

    CheckinQueryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Checkin> atVenue(long venueId, Instant from, Instant to) {
        return range("venue_id", venueId, from, to);
    }

    @Override
    public List<Checkin> ofPerson(long personId, Instant from, Instant to) {
        return range("person_id", personId, from, to);
    }

    @Override
    public List<CheckinWithNext> atVenueWithNext(long venueId, Instant from, Instant to, Duration horizon) {
        return atVenueWithNext(venueId, from, to, from, Duration.ZERO, horizon);
    }

    @Override
    public List<CheckinWithNext> atVenueWithNext(long venueId, Instant from, Instant to, Instant allFrom,
            Duration longerThan, Duration horizon) {
        return jdbc.sql("SELECT " + CheckinRows.columns("c") + ", " + NEXT_WHERE_NEEDED
                        + " FROM checkin c WHERE c.venue_id = :id AND c.checked_in_at >= :from AND c.checked_in_at < :to"
                        + " ORDER BY c.checked_in_at, c.id")
                .param("id", venueId).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .param("allFrom", allFrom.toEpochMilli()).param("longerThan", longerThan.toMillis())
                .param("horizon", horizonMillis(horizon))
                .query(CheckinQueryService::withNext).list();
    }

    @Override
    public List<CheckinWithNext> ofPersonsWithNext(Collection<Long> personIds, Instant from, Instant to,
            Duration horizon) {
        List<Long> ids = personIds.stream().distinct().sorted().toList();
        List<CheckinWithNext> found = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += PERSON_CHUNK) {
            found.addAll(jdbc.sql("SELECT " + CheckinRows.columns("c") + ", " + NEXT
                            + " FROM checkin c WHERE c.person_id IN (:ids)"
                            + " AND c.checked_in_at >= :from AND c.checked_in_at < :to"
                            + " ORDER BY c.person_id, c.checked_in_at, c.id")
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + PERSON_CHUNK)))
                    .param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                    .param("horizon", horizonMillis(horizon))
                    .query(CheckinQueryService::withNext).list());
        }
        return found;
    }

    private List<Checkin> range(String column, long id, Instant from, Instant to) {
        return jdbc.sql("SELECT " + CheckinRows.COLUMNS + " FROM checkin WHERE " + column + " = :id"
                        + " AND checked_in_at >= :from AND checked_in_at < :to ORDER BY checked_in_at, id")
                .param("id", id).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .query(CheckinRows::checkin).list();
    }

    private static long horizonMillis(Duration horizon) {
        if (horizon.toSeconds() < 1) {
            throw new IllegalArgumentException("the horizon of a next check-in is at least one second");
        }
        return horizon.toSeconds() * 1000;
    }

    private static CheckinWithNext withNext(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CheckinWithNext(CheckinRows.checkin(rs, row), DbTime.fromDbNullable(rs.getObject("next_at")));
    }
}
