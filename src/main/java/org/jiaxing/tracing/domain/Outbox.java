package org.jiaxing.tracing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jiaxing.health.HealthColour;
import org.jiaxing.shared.time.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notification outbox: rows are written in the apply transaction (so a notification exists exactly
 * when the status change does) and handed to the {@link NotificationSender} afterwards, in rounds.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String COLUMNS =
            "id, person_id, investigation_id, level, colour, valid_until, created_at, sent_at FROM tracing_outbox";
    private static final int ROUND = 500;

    private final JdbcClient jdbc;
    private final NotificationSender sender;
    private final Clock clock;

    Outbox(JdbcClient jdbc, NotificationSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
    }

    void queue(long personId, long investigationId, ContactLevel level, HealthColour colour, Instant until, Instant now) {
        jdbc.sql("""
                INSERT INTO tracing_outbox (person_id, investigation_id, level, colour, valid_until, created_at)
                VALUES (:person, :investigation, :level, :colour, :until, :now)""")
                .param("person", personId).param("investigation", investigationId).param("level", level.name())
                .param("colour", colour.name()).param("until", DbTime.toDb(until)).param("now", DbTime.toDb(now))
                .update();
    }

    /** The person's notifications since {@code since}, newest first ("my records", the scan page). */
    public List<Notification> forPerson(long personId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE person_id = :person AND created_at >= :since ORDER BY id DESC")
                .param("person", personId).param("since", DbTime.toDb(since)).query(Outbox::notification).list();
    }

    public List<Notification> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE sent_at IS NULL ORDER BY id LIMIT " + ROUND)
                .query(Outbox::notification).list();
    }

    /** One round: each pending notification to the sender; a failure stays queued and is counted. */
    @Scheduled(fixedDelayString = "${jiaxing.tracing.notify-interval:30s}",
            initialDelayString = "${jiaxing.tracing.notify-interval:30s}")
    public int dispatch() {
        int sent = 0;
        for (Notification notification : pending()) {
            try {
                sender.send(notification);
                jdbc.sql("UPDATE tracing_outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                        .param("now", DbTime.toDb(clock.instant())).param("id", notification.id()).update();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Notification {} not sent: {}", notification.id(), e.getClass().getSimpleName());
                jdbc.sql("UPDATE tracing_outbox SET attempts = attempts + 1 WHERE id = :id")
                        .param("id", notification.id()).update();
            }
        }
        return sent;
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("investigation_id"),
                ContactLevel.valueOf(rs.getString("level")), HealthColour.valueOf(rs.getString("colour")),
                DbTime.fromDb(rs.getLong("valid_until")), DbTime.fromDb(rs.getLong("created_at")),
                DbTime.fromDbNullable(rs.getObject("sent_at")));
    }
}
