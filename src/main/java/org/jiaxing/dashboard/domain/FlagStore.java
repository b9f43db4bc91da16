package org.jiaxing.dashboard.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FlagStore {

    private static final int MAX_IDS = 60;

    private final JdbcClient jdbc;
    private final Clock clock;

    FlagStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Flag flag) {
        String ids = join(flag.checkinIds());
        jdbc.sql("""
                INSERT INTO dashboard_flag (kind, venue_id, town_code, occurred_at, person_ids, checkin_ids, detail, created_at)
                VALUES (:kind, :venue, :town, :at, :persons, :ids, :detail, :created)""")
                .param("kind", flag.kind().name()).param("venue", flag.venueId()).param("town", flag.townCode())
                .param("at", DbTime.toDb(flag.occurredAt())).param("persons", join(flag.personIds())).param("ids", ids)
                .param("detail", flag.detail()).param("created", clock.millis()).update();
    }

    /** Newest first; {@code townCode} null for the whole city. */
    List<Flag> recent(String townCode, Instant since, int limit) {
        var query = jdbc.sql("SELECT * FROM dashboard_flag WHERE occurred_at >= :since" + town(townCode)
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("since", DbTime.toDb(since)).param("limit", limit);
        if (townCode != null) {
            query = query.param("town", townCode);
        }
        return query.query((rs, n) -> map(rs)).list();
    }

    /** Counts per kind since a time. */
    java.util.Map<FlagKind, Long> countByKind(String townCode, Instant since) {
        java.util.Map<FlagKind, Long> counts = new java.util.EnumMap<>(FlagKind.class);
        var query = jdbc.sql("SELECT kind, COUNT(*) AS n FROM dashboard_flag WHERE occurred_at >= :since"
                + town(townCode) + " GROUP BY kind").param("since", DbTime.toDb(since));
        if (townCode != null) {
            query = query.param("town", townCode);
        }
        query.query(rs -> {
                    counts.put(FlagKind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        return counts;
    }

    Optional<Flag> find(long id) {
        return jdbc.sql("SELECT * FROM dashboard_flag WHERE id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    void purgeBefore(Instant before) {
        jdbc.sql("DELETE FROM dashboard_flag WHERE occurred_at < :before").param("before", DbTime.toDb(before)).update();
    }

    private static String join(List<Long> ids) {
        return ids.stream().limit(MAX_IDS).map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    private static String town(String townCode) {
        return townCode == null ? "" : " AND town_code = :town";
    }

    private static Flag map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Flag(rs.getLong("id"), FlagKind.valueOf(rs.getString("kind")), rs.getLong("venue_id"),
                rs.getString("town_code"), DbTime.fromDb(rs.getLong("occurred_at")), split(rs.getString("person_ids")), split(rs.getString("checkin_ids")),
                rs.getString("detail"));
    }
}
