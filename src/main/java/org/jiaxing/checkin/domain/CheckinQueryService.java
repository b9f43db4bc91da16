package org.jiaxing.checkin.domain;

import java.time.Instant;
import java.util.List;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Both queries are a range on one index: (venue_id, checked_in_at) or (person_id, checked_in_at). */
@Service
class CheckinQueryService implements CheckinQueries {

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

    private List<Checkin> range(String column, long id, Instant from, Instant to) {
        return jdbc.sql("SELECT " + CheckinRows.COLUMNS + " FROM checkin WHERE " + column + " = :id"
                        + " AND checked_in_at >= :from AND checked_in_at < :to ORDER BY checked_in_at, id")
                .param("id", id).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .query(CheckinRows::checkin).list();
    }
}
