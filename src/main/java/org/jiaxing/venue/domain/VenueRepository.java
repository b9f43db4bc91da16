package org.jiaxing.venue.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VenueRepository {

    private static final String SELECT = """
            SELECT v.id, v.code, v.name, v.town_code, t.name_zh AS town_zh, t.name_en AS town_en, v.address,
                   v.longitude, v.latitude, v.opening_hours, v.expected_daily_visitors, v.status,
                   c.code AS c_code, c.name_zh AS c_zh, c.name_en AS c_en,
                   c.dwell_minutes, c.close_minutes, c.linger_minutes
            FROM venue v
            JOIN venue_category c ON c.code = v.category_code
            JOIN town t ON t.code = v.town_code
            """;

    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Venue> findById(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(VenueRepository::venue).optional();
    }

    Optional<Venue> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE v.code = :code").param("code", code).query(VenueRepository::venue).optional();
    }

    List<Venue> findAll(VenueFilter filter, int offset, int limit) {
        Where where = Where.of(filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY v.code LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(VenueRepository::venue).list();
    }

    long count(VenueFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("SELECT COUNT(*) FROM venue v" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    List<VenueCategory> categories() {
        return jdbc.sql("""
                SELECT code AS c_code, name_zh AS c_zh, name_en AS c_en, dwell_minutes, close_minutes, linger_minutes
                FROM venue_category ORDER BY sort_order""")
                .query((rs, row) -> category(rs)).list();
    }

    private static Venue venue(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getLong("id"), rs.getString("code"), rs.getString("name"), category(rs),
                rs.getString("town_code"), rs.getString("town_zh"), rs.getString("town_en"), rs.getString("address"),
                rs.getObject("longitude", Double.class), rs.getObject("latitude", Double.class),
                rs.getString("opening_hours"), rs.getObject("expected_daily_visitors", Integer.class),
                VenueStatus.valueOf(rs.getString("status")));
    }

    private static VenueCategory category(ResultSet rs) throws SQLException {
        return new VenueCategory(rs.getString("c_code"), rs.getString("c_zh"), rs.getString("c_en"),
                rs.getInt("dwell_minutes"), rs.getInt("close_minutes"), rs.getInt("linger_minutes"));
    }

    /** The WHERE clause of a filter, with named parameters only (never concatenated input). */
    record Where(String sql, Map<String, Object> params) {

        static Where of(VenueFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new TreeMap<>();
            if (filter.townCode() != null) {
                conditions.add("v.town_code = :town");
                params.put("town", filter.townCode());
            }
            if (filter.categoryCode() != null) {
                conditions.add("v.category_code = :category");
                params.put("category", filter.categoryCode());
            }
            if (filter.status() != null) {
                conditions.add("v.status = :status");
                params.put("status", filter.status().name());
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                conditions.add("(LOWER(v.code) LIKE :text ESCAPE '\\' OR v.name LIKE :text ESCAPE '\\' OR v.address LIKE :text ESCAPE '\\')");
                params.put("text", "%" + escapeLike(filter.text().strip().toLowerCase()) + "%");
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
