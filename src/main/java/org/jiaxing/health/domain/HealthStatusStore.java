package org.jiaxing.health.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current status per person (one row, upserted) and the history of every assignment. */
@Repository
class HealthStatusStore {

    private static final String CURRENT = "SELECT person_id, colour, reason, since, valid_until FROM health_status";

    private final JdbcClient jdbc;

    HealthStatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HealthStatus> find(long personId) {
        return jdbc.sql(CURRENT + " WHERE person_id = :id").param("id", personId)
                .query(HealthStatusStore::status).optional();
    }

    /** Everyone who is not GREEN, for the in-memory cache (index health_status_colour). */
    List<HealthStatus> allNotGreen() {
        return jdbc.sql(CURRENT + " WHERE colour <> 'GREEN'").query(HealthStatusStore::status).list();
    }

    void save(HealthStatus status, HealthColour previous, String actor) {
        jdbc.sql("""
                INSERT INTO health_status (person_id, colour, reason, since, valid_until, assigned_by)
                VALUES (:person, :colour, :reason, :since, :until, :actor)
                ON CONFLICT (person_id) DO UPDATE SET colour = excluded.colour, reason = excluded.reason,
                    since = excluded.since, valid_until = excluded.valid_until, assigned_by = excluded.assigned_by""")
                .param("person", status.personId()).param("colour", status.colour().name())
                .param("reason", status.reason()).param("since", DbTime.toDb(status.since()))
                .param("until", DbTime.toDbNullable(status.until())).param("actor", actor).update();
        jdbc.sql("""
                INSERT INTO health_status_history (person_id, previous_colour, colour, reason, since, valid_until,
                                                   assigned_by)
                VALUES (:person, :previous, :colour, :reason, :since, :until, :actor)""")
                .param("person", status.personId()).param("previous", previous.name())
                .param("colour", status.colour().name()).param("reason", status.reason())
                .param("since", DbTime.toDb(status.since())).param("until", DbTime.toDbNullable(status.until()))
                .param("actor", actor).update();
    }

    List<HealthStatus> history(long personId) {
        return jdbc.sql("""
                SELECT person_id, colour, reason, since, valid_until FROM health_status_history
                WHERE person_id = :id ORDER BY since DESC, id DESC""")
                .param("id", personId).query(HealthStatusStore::status).list();
    }

    private static HealthStatus status(ResultSet rs, int row) throws SQLException {
        return new HealthStatus(rs.getLong("person_id"), HealthColour.valueOf(rs.getString("colour")),
                rs.getString("reason"), DbTime.fromDb(rs.getLong("since")), DbTime.fromDbNullable(rs.getObject("valid_until")));
    }
}
