package org.jiaxing.dashboard.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes the rollup tables: adds a {@link Tally} in one go (upserts), clears and purges. */
@Repository
class RollupStore {

    private final JdbcTemplate jdbc;

    RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Tally tally) {
        List<Object[]> venueHours = new ArrayList<>();
        for (Map.Entry<Tally.VenueHour, Tally.Counts> e : tally.venueHours.entrySet()) {
            Tally.VenueHour k = e.getKey();
            venueHours.add(row(e.getValue(), k.venueId(), k.hourStart(), k.townCode(), k.categoryCode()));
        }
        upsert("dashboard_venue_hour", "venue_id, hour_start", "town_code, category_code", venueHours);
        List<Object[]> venueDays = new ArrayList<>();
        for (Map.Entry<Tally.VenueDay, Tally.Counts> e : tally.venueDays.entrySet()) {
            Tally.VenueDay k = e.getKey();
            venueDays.add(row(e.getValue(), k.venueId(), k.day(), k.townCode(), k.categoryCode()));
        }
        upsert("dashboard_venue_day", "venue_id, day", "town_code, category_code", venueDays);
        List<Object[]> townHours = new ArrayList<>();
        for (Map.Entry<Tally.TownHour, Tally.Counts> e : tally.townHours.entrySet()) {
            townHours.add(row(e.getValue(), e.getKey().townCode(), e.getKey().hourStart()));
        }
        upsert("dashboard_town_hour", "town_code, hour_start", null, townHours);
    }

    /**
     * Adds counts to a rollup table: rows are the key columns, then the descriptive columns (written once), then
     * checkins, refused, yellow, red. The table and column names are constants of this class, never input.
     */
    private void upsert(String table, String key, String descriptive, List<Object[]> rows) {
        String columns = key + (descriptive == null ? "" : ", " + descriptive) + ", checkins, refused, yellow, red";
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
        jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
                + " ON CONFLICT (" + key + ") DO UPDATE SET"
                + " checkins = " + table + ".checkins + excluded.checkins,"
                + " refused = " + table + ".refused + excluded.refused,"
                + " yellow = " + table + ".yellow + excluded.yellow,"
                + " red = " + table + ".red + excluded.red", rows);
    }

    void clear() {
        jdbc.update("DELETE FROM dashboard_venue_hour");
        jdbc.update("DELETE FROM dashboard_venue_day");
        jdbc.update("DELETE FROM dashboard_town_hour");
    }

    /** Drops rollups before the window (the check-ins behind them are purged too). */
    void purgeBefore(long hourStart, int day) {
        jdbc.update("DELETE FROM dashboard_venue_hour WHERE hour_start < ?", hourStart);
        jdbc.update("DELETE FROM dashboard_town_hour WHERE hour_start < ?", hourStart);
        jdbc.update("DELETE FROM dashboard_venue_day WHERE day < ?", day);
    }

    private static Object[] row(Tally.Counts counts, Object... key) {
        Object[] row = new Object[key.length + 4];
        System.arraycopy(key, 0, row, 0, key.length);
        row[key.length] = counts.checkins;
        row[key.length + 1] = counts.refused;
        row[key.length + 2] = counts.yellow;
        row[key.length + 3] = counts.red;
        return row;
    }
}
