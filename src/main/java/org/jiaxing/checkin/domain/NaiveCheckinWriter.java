package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The benchmark's baseline, NOT for production: what a straightforward implementation does per request,
 * each statement in autocommit: look for an open check-in in the dedup window, then update it or insert
 * one row (database-assigned id). Same rows and same dedup rule as the writer, but one commit (one
 * fsync) per request and a query per scan. Bypasses the writer's dedup index and events.
 */
@Component
public class NaiveCheckinWriter {

    private static final String FIND_OPEN = """
            SELECT\s""" + CheckinRows.COLUMNS + """
             FROM checkin
            WHERE person_id = :person AND checked_in_at > :since AND checked_in_at <= :at AND venue_id = :venue
              AND refused = 0 AND checked_out_at IS NULL
            ORDER BY checked_in_at DESC LIMIT 1""";
    private static final String INSERT = """
            INSERT INTO checkin (person_id, venue_id, checked_in_at, refused, channel, device_id, created_at)
            VALUES (:person, :venue, :at, :refused, :channel, :device, :created) RETURNING id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long windowMillis;
    private final CheckinPresenceIndex presences;

    NaiveCheckinWriter(JdbcClient jdbc, Clock clock, CheckinProperties properties, CheckinPresenceIndex presences) {
        this.jdbc = jdbc;
        this.presences = presences;
        this.clock = clock;
        this.windowMillis = properties.dedupWindow().toMillis();
    }

    public CheckinResult record(NewCheckin checkin) {
        long at = checkin.at().toEpochMilli();
        if (!checkin.refused()) {
            Optional<Checkin> open = jdbc.sql(FIND_OPEN).param("person", checkin.personId())
                    .param("since", at - windowMillis).param("at", at).param("venue", checkin.venueId())
                    .query(CheckinRows::checkin).optional();
            if (open.isPresent()) {
                jdbc.sql("UPDATE checkin SET last_seen_at = :at WHERE id = :id AND checked_in_at = :checkedInAt")
                        .param("at", at).param("id", open.get().id())
                        .param("checkedInAt", open.get().checkedInAt().toEpochMilli()).update();
                return new CheckinResult(open.get(), true);
            }
        }
        long id = jdbc.sql(INSERT).param("person", checkin.personId()).param("venue", checkin.venueId()).param("at", at)
                .param("refused", checkin.refused() ? 1 : 0).param("channel", checkin.channel().code())
                .param("device", checkin.deviceId()).param("created", clock.millis()).query(Long.class).single();
        Checkin recorded = new Checkin(id, checkin.personId(), checkin.venueId(), checkin.at(), null,
                checkin.refused(), checkin.channel());
        presences.inserted(List.of(recorded));
        return new CheckinResult(recorded, false);
    }
}
