package org.jiaxing.dashboard.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules that list a venue as likely not enforcing scanning, as plain functions of its figures. */
public final class ComplianceRules {

    /** Why a venue is listed. */
    public enum Finding {
        /** No scan today although the venue has been open for at least the grace period. */
        ZERO_TODAY,
        /** Mean daily scans over the last 7 full days below the low rate times the expected visitors. */
        LOW_SCAN_RATE,
        /** Yesterday below the drop ratio times the median of the 7 days before it. */
        SUDDEN_DROP
    }

    /**
     * A venue's daily scans.
     *
     * @param today    scans so far today
     * @param lastDays scans of the previous days, newest first: {@code lastDays[0]} is yesterday; at least
     *                 8 entries (days without a rollup row are 0)
     */
    public record Figures(long today, long[] lastDays) {

        public Figures {
            if (lastDays.length < 8) {
                throw new IllegalArgumentException("need 8 previous days");
            }
        }

        public long yesterday() {
            return lastDays[0];
        }

        /** Mean of the last 7 full days (yesterday and the six before). */
        public double mean7() {
            return Arrays.stream(lastDays, 0, 7).average().orElse(0);
        }

        /** Median of the 7 days before yesterday (the baseline yesterday is compared with). */
        public long medianBeforeYesterday() {
            long[] week = Arrays.copyOfRange(lastDays, 1, 8);
            Arrays.sort(week);
            return week[3];
        }
    }

    private final DashboardProperties.Rules rules;

    public ComplianceRules(DashboardProperties.Rules rules) {
        this.rules = rules;
    }

    /**
     * @param hours opening hours, or null when unknown (then the zero-scan rule is not applied)
     * @param now   local time of day in the city
     */
    public Set<Finding> findings(Figures figures, OpeningHours hours, Integer expectedDailyVisitors, LocalTime now) {
        List<Finding> found = new ArrayList<>();
        if (figures.today() == 0 && hours != null
                && hours.minutesOpenBefore(now) >= rules.zeroScanGrace().toMinutes()) {
            found.add(Finding.ZERO_TODAY);
        }
        Double rate = scanRate(figures, expectedDailyVisitors);
        if (rate != null && rate < rules.lowScanRate()) {
            found.add(Finding.LOW_SCAN_RATE);
        }
        long median = figures.medianBeforeYesterday();
        if (median >= rules.dropMinimumMedian() && figures.yesterday() < median * rules.dropRatio()) {
            found.add(Finding.SUDDEN_DROP);
        }
        return found.isEmpty() ? EnumSet.noneOf(Finding.class) : EnumSet.copyOf(found);
    }

    /** Mean daily scans of the last 7 full days per expected visitor; null when no expectation is set. */
    public static Double scanRate(Figures figures, Integer expectedDailyVisitors) {
        if (expectedDailyVisitors == null || expectedDailyVisitors <= 0) {
            return null;
        }
        return figures.mean7() / expectedDailyVisitors;
    }
}
