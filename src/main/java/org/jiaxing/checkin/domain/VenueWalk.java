package org.jiaxing.checkin.domain;

import java.util.Optional;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visits every venue that has check-ins, in id order, with one index seek per venue on
 * {@code (venue_id, checked_in_at)}. SQLite has no time-first index on the check-in table (on purpose:
 * every index costs on each insert), so "all check-ins before/after T" is answered venue by venue, each
 * a short index range, instead of one scan of the whole table. A city has a few thousand venues.
 */
@Component
class VenueWalk {

    private final JdbcClient jdbc;

    VenueWalk(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void forEachVenue(LongConsumer action) {
        long after = Long.MIN_VALUE;
        Optional<Long> next;
        while ((next = next(after)).isPresent()) {
            after = next.get();
            action.accept(after);
        }
    }

    private Optional<Long> next(long after) {
        return jdbc.sql("SELECT venue_id FROM checkin WHERE venue_id > :after ORDER BY venue_id LIMIT 1")
                .param("after", after).query(Long.class).optional();
    }
}
