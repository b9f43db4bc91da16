package org.jiaxing.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.jiaxing.dashboard.domain.ComplianceRules.Figures;
import org.jiaxing.dashboard.domain.ComplianceRules.Finding;
import org.junit.jupiter.api.Test;

/** Each compliance rule at and around its boundary (default thresholds). */
class ComplianceRulesTests {

    final ComplianceRules rules = new ComplianceRules(DashboardProperties.Rules.defaults());
    final OpeningHours eightToTen = OpeningHoursTests.hours("08:00-22:00");

    static Figures days(long today, long... previous) {
        return new Figures(today, previous);
    }

    static Figures steady(long today, long perDay) {
        return days(today, perDay, perDay, perDay, perDay, perDay, perDay, perDay, perDay);
    }

    @Test
    void zeroScansCountOnlyAfterTwoHoursOpen() {
        assertThat(rules.findings(steady(0, 100), eightToTen, null, LocalTime.of(9, 59))).doesNotContain(Finding.ZERO_TODAY);
        assertThat(rules.findings(steady(0, 100), eightToTen, null, LocalTime.of(10, 0))).contains(Finding.ZERO_TODAY);
        assertThat(rules.findings(steady(1, 100), eightToTen, null, LocalTime.of(15, 0))).doesNotContain(Finding.ZERO_TODAY);
        assertThat(rules.findings(steady(0, 100), null, null, LocalTime.of(15, 0))).doesNotContain(Finding.ZERO_TODAY);
    }

    @Test
    void lowScanRateIsBelowThirtyPercentOfExpectedVisitors() {
        assertThat(ComplianceRules.scanRate(steady(50, 300), 1000)).isEqualTo(0.3);
        assertThat(rules.findings(steady(50, 300), eightToTen, 1000, LocalTime.of(12, 0))).isEmpty();
        assertThat(rules.findings(steady(50, 299), eightToTen, 1000, LocalTime.of(12, 0))).containsExactly(Finding.LOW_SCAN_RATE);
        assertThat(rules.findings(steady(50, 0), eightToTen, null, LocalTime.of(12, 0))).isEmpty();
        assertThat(ComplianceRules.scanRate(steady(50, 0), null)).isNull();
    }

    @Test
    void aSuddenDropIsYesterdayBelowHalfTheMedianOfTheWeekBefore() {
        // median of the 7 days before yesterday: 40 (with an outlier that must not move it)
        assertThat(rules.findings(days(30, 20, 40, 40, 40, 10, 40, 900, 40), eightToTen, null, LocalTime.of(12, 0)))
                .doesNotContain(Finding.SUDDEN_DROP);
        assertThat(rules.findings(days(30, 19, 40, 40, 40, 10, 40, 900, 40), eightToTen, null, LocalTime.of(12, 0)))
                .contains(Finding.SUDDEN_DROP);
    }

    @Test
    void smallVenuesAreNotFlaggedForADrop() {
        assertThat(rules.findings(days(5, 0, 19, 19, 19, 19, 19, 19, 19), eightToTen, null, LocalTime.of(12, 0)))
                .doesNotContain(Finding.SUDDEN_DROP);
        assertThat(rules.findings(days(5, 0, 20, 20, 20, 20, 20, 20, 20), eightToTen, null, LocalTime.of(12, 0)))
                .contains(Finding.SUDDEN_DROP);
    }
}
