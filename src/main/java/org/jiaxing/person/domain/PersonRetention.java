package org.jiaxing.person.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.person.PersonsPurged;
import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes, nightly, every person who has not registered or changed their details within the retention
 * period ({@code jiaxing.person.retention}, by default the check-in retention), has no check-in within
 * it, and has no YELLOW or RED status still in force. Their companion links go with them, and
 * {@link PersonsPurged} lets the health module delete their expired status and history in the same
 * transaction; one audit entry records how many were deleted (no ids).
 *
 * <p>This reads the check-in and health tables (read-only {@code NOT EXISTS}): going through
 * those modules' APIs would make person depend on check-in, which already depends on person. The
 * condition is on check-ins newer than the cut-off, so the result does not depend on whether the
 * check-in purge ran first.
 */
@Component
class PersonRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonRetention.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Duration retention;
    private final Database database;
    private final ApplicationEventPublisher events;

    PersonRetention(JdbcClient jdbc, Clock clock, AuditLog audit, Database database, ApplicationEventPublisher events,
            @Value("${jiaxing.person.retention:${jiaxing.checkin.retention:28d}}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.retention = retention;
        this.database = database;
        this.events = events;
    }

    @Scheduled(cron = "${jiaxing.person.purge-cron:0 47 3 * * *}", zone = "${jiaxing.zone:Asia/Shanghai}")
    void nightly() {
        purge();
    }

    /** Deletes the persons past retention; returns how many. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        long cutoff = now.minus(retention).toEpochMilli();
        int deleted = 0;
        long after = 0;
        // SQLite hands out MAX(id) + 1 to the next insert: deleting the newest person would give their id to
        // someone else, and audit entries name persons by id. So the newest row waits for a newer one.
        long keep = database.isSqlite()
                ? jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM person").query(Long.class).single() : Long.MAX_VALUE;
        List<Long> ids;
        do {
            ids = jdbc.sql("""
                    SELECT p.id FROM person p
                    WHERE p.updated_at < :cutoff AND p.registered_at < :cutoff
                      AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.person_id = p.id AND c.checked_in_at >= :cutoff)
                      AND NOT EXISTS (SELECT 1 FROM health_status h WHERE h.person_id = p.id
                                      AND h.colour <> 'GREEN' AND (h.valid_until IS NULL OR h.valid_until > :now))
                      AND p.id > :after AND p.id < :keep
                    ORDER BY p.id LIMIT :limit""")
                    .param("cutoff", cutoff).param("now", now.toEpochMilli()).param("limit", CHUNK)
                    .param("after", after).param("keep", keep)
                    .query(Long.class).list();
            if (!ids.isEmpty()) {
                events.publishEvent(new PersonsPurged(ids));
                jdbc.sql("DELETE FROM person_companion WHERE owner_id IN (:ids) OR companion_id IN (:ids)")
                        .param("ids", ids).update();
                deleted += jdbc.sql("DELETE FROM person WHERE id IN (:ids)").param("ids", ids).update();
                after = ids.getLast();
            }
        } while (ids.size() == CHUNK);
        if (deleted > 0) {
            audit.record(new AuditEntry("system", "PERSON_RETENTION_PURGE", "person", "*", "retention " + retention,
                    "deleted=" + deleted + " before=" + Instant.ofEpochMilli(cutoff)));
        }
        log.info("Person retention: {} persons deleted (not seen since {})", deleted, Instant.ofEpochMilli(cutoff));
        return deleted;
    }
}
