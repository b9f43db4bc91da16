package org.jiaxing.checkin.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which visits of an import are recorded already, so that importing a file twice (a retry after a
 * timeout, or overlapping registers) adds nothing the second time. The in-memory dedup index cannot
 * tell: it knows only the last half hour, and registers are days old. One range per venue on the
 * (venue_id, checked_in_at) index, which on PostgreSQL touches only the day partitions of the range.
 */
@Repository
class RecordedVisits {

    private static final String SELECT = """
            SELECT person_id, checked_in_at, last_seen_at, refused FROM checkin
            WHERE venue_id = :venue AND checked_in_at >= :from AND checked_in_at <= :to""";

    private final JdbcClient jdbc;
    private final long windowMillis;

    RecordedVisits(JdbcClient jdbc, CheckinProperties properties) {
        this.jdbc = jdbc;
        this.windowMillis = properties.dedupWindow().toMillis();
    }

    /** The venue's stored check-ins that visits at {@code from}..{@code to} (epoch millis) may repeat. */
    Known at(long venueId, long from, long to) {
        Map<Long, List<Stored>> byPerson = new HashMap<>();
        jdbc.sql(SELECT).param("venue", venueId).param("from", from - windowMillis).param("to", to)
                .query(rs -> {
                    Object lastSeen = rs.getObject("last_seen_at");
                    byPerson.computeIfAbsent(rs.getLong("person_id"), person -> new ArrayList<>())
                            .add(new Stored(rs.getLong("checked_in_at"),
                                    lastSeen == null ? 0 : ((Number) lastSeen).longValue(), rs.getInt("refused") == 1));
                });
        return new Known(byPerson, windowMillis);
    }

    private record Stored(long checkedInAt, long lastSeenAt, boolean refused) {
    }

    /** Stored check-ins of one venue, by person. */
    static final class Known {

        private final Map<Long, List<Stored>> byPerson;
        private final long windowMillis;

        private Known(Map<Long, List<Stored>> byPerson, long windowMillis) {
            this.byPerson = byPerson;
            this.windowMillis = windowMillis;
        }

        /**
         * Whether a visit of the person at {@code at} is recorded: a check-in at that very time, or a stay
         * that an earlier import's line at that time was folded into by dedup (its window covers the time
         * and it was seen at or after it).
         */
        boolean contains(long personId, long at) {
            for (Stored stored : byPerson.getOrDefault(personId, List.of())) {
                if (stored.checkedInAt() == at) {
                    return true;
                }
                if (!stored.refused() && stored.checkedInAt() < at && at < stored.checkedInAt() + windowMillis
                        && stored.lastSeenAt() >= at) {
                    return true;
                }
            }
            return false;
        }
    }
}
