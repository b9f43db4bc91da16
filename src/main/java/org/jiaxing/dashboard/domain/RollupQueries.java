package org.jiaxing.dashboard.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the rollup tables (never the check-in table). Every query is bounded by the number of venues,
 * days or hours in the window, not by the number of check-ins.
 */
@Repository
class RollupQueries {

    record Keyed<K>(K key, ScanCounts sums) {
    }

    private static final String SUMS = "SUM(checkins) AS c, SUM(refused) AS r, SUM(yellow) AS y, SUM(red) AS d";

    private final JdbcClient jdbc;

    RollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per venue, from {@code fromDay} (epoch day) on. */
    Map<Long, ScanCounts> byVenue(String town, int fromDay) {
        Map<Long, ScanCounts> result = new HashMap<>();
        query("SELECT venue_id AS k, " + SUMS + " FROM dashboard_venue_day WHERE day >= :from" + town(town)
                + " GROUP BY venue_id", town, fromDay, rs -> result.put(rs.getLong("k"), sums(rs)));
        return result;
    }

    /** Per venue and day, from {@code fromDay} on: {@code [venue][day]}. */
    Map<Long, Map<Integer, Long>> venueDays(String town, int fromDay) {
        Map<Long, Map<Integer, Long>> result = new HashMap<>();
        query("SELECT venue_id, day, checkins FROM dashboard_venue_day WHERE day >= :from" + town(town), town, fromDay,
                rs -> result.computeIfAbsent(rs.getLong("venue_id"), k -> new HashMap<>())
                        .put(rs.getInt("day"), rs.getLong("checkins")));
        return result;
    }

    List<Keyed<Integer>> byDay(String town, int fromDay) {
        List<Keyed<Integer>> result = new ArrayList<>();
        query("SELECT day AS k, " + SUMS + " FROM dashboard_venue_day WHERE day >= :from" + town(town)
                + " GROUP BY day ORDER BY day", town, fromDay, rs -> result.add(new Keyed<>(rs.getInt("k"), sums(rs))));
        return result;
    }

    List<Keyed<String>> byCategoryAndTown(String town, int fromDay) {
        List<Keyed<String>> result = new ArrayList<>();
        query("SELECT category_code || '|' || town_code AS k, " + SUMS + " FROM dashboard_venue_day WHERE day >= :from"
                + town(town) + " GROUP BY category_code, town_code", town, fromDay,
                rs -> result.add(new Keyed<>(rs.getString("k"), sums(rs))));
        return result;
    }

    List<Keyed<Long>> byHour(String town, long fromHour) {
        List<Keyed<Long>> result = new ArrayList<>();
        query("SELECT hour_start AS k, " + SUMS + " FROM dashboard_town_hour WHERE hour_start >= :from" + town(town)
                + " GROUP BY hour_start ORDER BY hour_start", town, fromHour,
                rs -> result.add(new Keyed<>(rs.getLong("k"), sums(rs))));
        return result;
    }

    private interface Row {
        void accept(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private void query(String sql, String town, long from, Row row) {
        var spec = jdbc.sql(sql).param("from", from);
        if (town != null) {
            spec = spec.param("town", town);
        }
        spec.query(rs -> {
            row.accept(rs);
        });
    }

    private static String town(String town) {
        return town == null ? "" : " AND town_code = :town";
    }

    private static ScanCounts sums(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ScanCounts(rs.getLong("c"), rs.getLong("r"), rs.getLong("y"), rs.getLong("d"));
    }
}
