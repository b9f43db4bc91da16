package org.jiaxing.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Each fraud rule at and around its boundary (default thresholds). */
class FraudRulesTests {

    final FraudRules rules = new FraudRules(DashboardProperties.Rules.defaults());

    @Test
    void outsideOpeningHoursWithHalfAnHourOfGrace() {
        OpeningHours hours = OpeningHoursTests.hours("08:00-20:00");
        assertThat(rules.timing(hours, LocalTime.of(7, 30))).isEmpty();
        assertThat(rules.timing(hours, LocalTime.of(7, 29))).contains(FlagKind.OUTSIDE_HOURS);
        assertThat(rules.timing(hours, LocalTime.of(20, 29))).isEmpty();
        assertThat(rules.timing(hours, LocalTime.of(20, 30))).contains(FlagKind.OUTSIDE_HOURS);
        assertThat(rules.timing(hours, LocalTime.of(3, 0))).contains(FlagKind.OUTSIDE_HOURS);
    }

    @Test
    void roundTheClockVenuesAreNeverOutsideTheirHours() {
        assertThat(rules.timing(OpeningHoursTests.hours("00:00-24:00"), LocalTime.of(3, 0))).isEmpty();
    }

    @Test
    void middleOfTheNightOnlyForVenuesWithoutHours() {
        assertThat(rules.timing(null, LocalTime.of(0, 59))).isEmpty();
        assertThat(rules.timing(null, LocalTime.of(1, 0))).contains(FlagKind.NIGHT);
        assertThat(rules.timing(null, LocalTime.of(4, 59))).contains(FlagKind.NIGHT);
        assertThat(rules.timing(null, LocalTime.of(5, 0))).isEmpty();
    }

    @Test
    void aBurstIsMoreThanTheVenueCanAdmitInAMinute() {
        assertThat(rules.burstLimit(null)).isEqualTo(30);
        assertThat(rules.burstLimit(200)).isEqualTo(30);
        assertThat(rules.burstLimit(3800)).isEqualTo(190);
        assertThat(rules.burst(30, null)).isFalse();
        assertThat(rules.burst(31, null)).isTrue();
        assertThat(rules.burst(190, 3800)).isFalse();
        assertThat(rules.burst(191, 3800)).isTrue();
    }

    @Test
    void impossibleTravelIsFasterThan120KmPerHourBeyondOneKilometre() {
        assertThat(rules.impossibleTravel(20, Duration.ofMinutes(10))).isFalse();
        assertThat(rules.impossibleTravel(20.1, Duration.ofMinutes(10))).isTrue();
        assertThat(rules.impossibleTravel(20, Duration.ofMinutes(-9))).isTrue();
        assertThat(rules.impossibleTravel(1.0, Duration.ZERO)).isFalse();
        assertThat(rules.impossibleTravel(1.01, Duration.ZERO)).isTrue();
    }

    @Test
    void distanceBetweenPinghuAndZhapu() {
        // 平湖市第一人民医院 and 乍浦镇 are about 13 km apart as the crow flies
        assertThat(FraudRules.distanceKm(30.6923, 121.0149, 30.5953, 121.0883)).isBetween(12.0, 14.0);
        assertThat(FraudRules.distanceKm(30.7, 121.0, 30.7, 121.0)).isZero();
    }

    @Test
    void oneDeviceMayCheckInAFamilyButNotMore() {
        assertThat(rules.sharedDevice(3)).isFalse();
        assertThat(rules.sharedDevice(4)).isTrue();
    }
}
