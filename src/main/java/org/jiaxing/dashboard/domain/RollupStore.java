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
        jdbc.batchUpdate("""
                INSERT INTO dashboard_venue_hour (venue_id, hour_start, town_code, category_code, checkins, refused, yellow, red)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (venue_id, hour_start) DO UPDATE SET
                    checkins = dashboard_venue_hour.checkins + excluded.checkins,
                    refused = dashboard_venue_hour.refused + excluded.refused,
                    yellow = dashboard_venue_hour.yellow + excluded.yellow,
                    red = dashboard_venue_hour.red + excluded.red""", venueHours);
        List<Object[]> venueDays = new ArrayList<>();
        for (Map.Entry<Tally.VenueDay, Tally.Counts> e : tally.venueDays.entrySet()) {
            Tally.VenueDay k = e.getKey();
            venueDays.add(row(e.getValue(), k.venueId(), k.day(), k.townCode(), k.categoryCode()));
        }
        jdbc.batchUpdate("""
                INSERT INTO dashboard_venue_day (venue_id, day, town_code, category_code, checkins, refused, yellow, red)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (venue_id, day) DO UPDATE SET
                    checkins = dashboard_venue_day.checkins + excluded.checkins,
                    refused = dashboard_venue_day.refused + excluded.refused,
                    yellow = dashboard_venue_day.yellow + excluded.yellow,
                    red = dashboard_venue_day.red + excluded.red""", venueDays);
        List<Object[]> townHours = new ArrayList<>();
        for (Map.Entry<Tally.TownHour, Tally.Counts> e : tally.townHours.entrySet()) {
            townHours.add(row(e.getValue(), e.getKey().townCode(), e.getKey().hourStart()));
        }
        jdbc.batchUpdate("""
                INSERT INTO dashboard_town_hour (town_code, hour_start, checkins, refused, yellow, red)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (town_code, hour_start) DO UPDATE SET
                    checkins = dashboard_town_hour.checkins + excluded.checkins,
                    refused = dashboard_town_hour.refused + excluded.refused,
                    yellow = dashboard_town_hour.yellow + excluded.yellow,
                    red = dashboard_town_hour.red + excluded.red""", townHours);
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
