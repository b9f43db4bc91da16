package org.jiaxing.dashboard.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the dashboard shows, as plain records for the page and the JSON API. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** Venues with an active code among the registered ones of a group. */
    public record CoverageRow(String code, String name, long registered, long active) {

        public double share() {
            return registered == 0 ? 0 : (double) active / registered;
        }
    }

    /**
     * @param postersIssued  code generations issued to the venues (generation 1 at registration, one per reissue)
     * @param codesWithdrawn generations withdrawn by a reissue
     */
    public record Coverage(CoverageRow total, CoverageRow medical, List<CoverageRow> byCategory,
            List<CoverageRow> byTown, long postersIssued, long codesWithdrawn) {
    }

    public record Named(String code, String name, ScanCounts counts) {
    }

    /** One point of a trend: a label (hour or date in the city's zone) and its counts. */
    public record Point(String label, ScanCounts counts) {
    }

    public record TopVenue(long venueId, String code, String name, String category, String town, ScanCounts counts) {
    }

    public record Scans(String period, ScanCounts total, List<Point> byHour, List<Point> byDay,
            List<Named> byCategory, List<Named> byTown, List<TopVenue> topVenues) {
    }

    /** Check-ins per category (rows) and town (columns). */
    public record Heat(List<String> categories, List<String> towns, long[][] cells, long max) {

        /** Background shade of a cell, darker for more check-ins (white text on the darkest half). */
        public String style(int row, int column) {
            if (max == 0) {
                return "";
            }
            double share = (double) cells[row][column] / max;
            String shade = String.format(java.util.Locale.ROOT, "background: rgba(11,110,79,%.2f)", 0.04 + 0.86 * share);
            return share > 0.5 ? shade + "; color: #fff" : shade;
        }
    }

    public record ComplianceRow(long venueId, String code, String name, String category, String town, long today,
            long yesterday, long median, double mean7, Integer expectedDailyVisitors, Double scanRate,
            Set<ComplianceRules.Finding> findings) {
    }

    public record FlagView(long id, FlagKind kind, long venueId, String venueCode, String venueName, String town,
            Instant occurredAt, String time, String detail, int records) {
    }

    /** One underlying check-in of a flag; the person only masked. */
    public record FlagRecord(long checkinId, String maskedName, String venueCode, String venueName, String time,
            boolean refused, String channel) {
    }

    public record FlagDetail(FlagView flag, List<FlagRecord> records) {
    }

    public record MapPoint(long venueId, String name, String category, String town, double longitude, double latitude,
            long scans, boolean listed) {
    }
}
