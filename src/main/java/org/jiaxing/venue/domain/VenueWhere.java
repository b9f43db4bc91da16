package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jiaxing.venue.VenueFilter;

/** The WHERE clause of a filter and a scope, with named parameters only (never concatenated input). */
record VenueWhere(String sql, Map<String, Object> params) {

    static VenueWhere of(VenueFilter filter) {
        return of(filter, VenueScope.everything());
    }

    static VenueWhere of(VenueFilter filter, VenueScope scope) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        switch (scope.kind()) {
            case EVERYTHING -> { }
            case TOWN -> {
                conditions.add("v.town_code = :scopeTown");
                params.put("scopeTown", scope.townCode());
            }
            case VENUES -> {
                if (scope.venueIds().isEmpty()) {
                    conditions.add("1 = 0");
                } else {
                    conditions.add("v.id IN (:scopeIds)");
                    params.put("scopeIds", List.copyOf(scope.venueIds()));
                }
            }
            case NOTHING -> conditions.add("1 = 0");
        }
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
            // LOWER on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not
            conditions.add("(LOWER(v.code) LIKE :text ESCAPE '\\' OR LOWER(v.name) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(v.address) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + escapeLike(filter.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return new VenueWhere(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    /** {@code %} and {@code _} typed by a user are literal characters, not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
