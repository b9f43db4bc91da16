package org.jiaxing.venue.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.shared.time.DbTime;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading venues. Writes are in {@link VenueStore}. */
@Repository
class VenueRepository {

    private static final String SELECT = """
            SELECT v.id, v.code, v.name, v.town_code, t.name_zh AS town_zh, t.name_en AS town_en, v.address,
                   v.longitude, v.latitude, v.opening_hours, v.expected_daily_visitors, v.status,
                   v.contact_name, v.contact_phone, v.created_at, v.updated_at,
                   c.code AS c_code, c.name_zh AS c_zh, c.name_en AS c_en,
                   c.dwell_minutes, c.close_minutes, c.linger_minutes
            FROM venue v
            JOIN venue_category c ON c.code = v.category_code
            JOIN town t ON t.code = v.town_code
            """;
    // Well below the bind-parameter limits of SQLite (32766) and PostgreSQL (32767).
    private static final int CODES_PER_QUERY = 500;

    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Venue> findById(long id) {
        return findDetails(id).map(VenueDetails::venue);
    }

    Optional<VenueDetails> findDetails(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(VenueRepository::details).optional();
    }

    Optional<Venue> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE v.code = :code").param("code", code)
                .query(VenueRepository::details).optional().map(VenueDetails::venue);
    }

    List<Venue> findAll(VenueFilter filter, int offset, int limit) {
        return find(VenueWhere.of(filter), offset, limit).stream().map(VenueDetails::venue).toList();
    }

    long count(VenueFilter filter) {
        return count(VenueWhere.of(filter));
    }

    List<VenueDetails> find(VenueFilter filter, VenueScope scope, int offset, int limit) {
        return find(VenueWhere.of(filter, scope), offset, limit);
    }

    long count(VenueFilter filter, VenueScope scope) {
        return count(VenueWhere.of(filter, scope));
    }

    /** Id, town, category and status of the venues with these codes (the others are absent). */
    Map<String, Existing> existing(Collection<String> codes) {
        Map<String, Existing> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += CODES_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CODES_PER_QUERY));
            jdbc.sql("SELECT id, code, town_code, category_code, status FROM venue WHERE code IN (:codes)")
                    .param("codes", chunk)
                    .query((rs, row) -> new Existing(rs.getLong("id"), rs.getString("code"), rs.getString("town_code"),
                            rs.getString("category_code"), VenueStatus.valueOf(rs.getString("status"))))
                    .list().forEach(existing -> found.put(existing.code(), existing));
        }
        return found;
    }

    record Existing(long id, String code, String townCode, String categoryCode, VenueStatus status) {
    }

    private List<VenueDetails> find(VenueWhere where, int offset, int limit) {
        return jdbc.sql(SELECT + where.sql() + " ORDER BY v.code LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(VenueRepository::details).list();
    }

    private long count(VenueWhere where) {
        return jdbc.sql("SELECT COUNT(*) FROM venue v" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static VenueDetails details(ResultSet rs, int row) throws SQLException {
        Venue venue = new Venue(rs.getLong("id"), rs.getString("code"), rs.getString("name"), category(rs),
                rs.getString("town_code"), rs.getString("town_zh"), rs.getString("town_en"), rs.getString("address"),
                nullableDouble(rs, "longitude"), nullableDouble(rs, "latitude"), rs.getString("opening_hours"),
                nullableInt(rs, "expected_daily_visitors"), VenueStatus.valueOf(rs.getString("status")));
        return new VenueDetails(venue, rs.getString("contact_name"), rs.getString("contact_phone"),
                DbTime.fromDb(rs.getLong("created_at")), DbTime.fromDb(rs.getLong("updated_at")));
    }

    private static VenueCategory category(ResultSet rs) throws SQLException {
        return new VenueCategory(rs.getString("c_code"), rs.getString("c_zh"), rs.getString("c_en"),
                rs.getInt("dwell_minutes"), rs.getInt("close_minutes"), rs.getInt("linger_minutes"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
