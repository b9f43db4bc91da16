package org.jiaxing.account.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffAccountRepository {

    private final JdbcClient jdbc;

    StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> findByUsername(String username) {
        return jdbc.sql("""
                SELECT id, username, display_name, password_hash, role, town_code, enabled
                FROM app_user WHERE username = :username""")
                .param("username", username)
                .query((rs, row) -> new StaffUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getString("town_code"), venuesOf(rs.getLong("id")), rs.getInt("enabled") == 1,
                        rs.getString("password_hash")))
                .optional();
    }

    private Set<Long> venuesOf(long userId) {
        List<Long> ids = jdbc.sql("SELECT venue_id FROM app_user_venue WHERE user_id = :id")
                .param("id", userId).query(Long.class).list();
        return new HashSet<>(ids);
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    long insert(String username, String displayName, String passwordHash, Role role, String townCode,
            Set<Long> venueIds, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, town_code, enabled, created_at)
                VALUES (:username, :displayName, :hash, :role, :town, 1, :now) RETURNING id""")
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("role", role.name()).param("town", townCode).param("now", DbTime.toDb(now))
                .query(Long.class).single();
        for (Long venueId : venueIds) {
            jdbc.sql("INSERT INTO app_user_venue (user_id, venue_id) VALUES (:user, :venue)")
                    .param("user", id).param("venue", venueId).update();
        }
        return id;
    }
}
