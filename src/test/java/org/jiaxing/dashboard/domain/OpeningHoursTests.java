package org.jiaxing.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTests {

    static OpeningHours hours(String text) {
        return OpeningHours.parse(text).orElseThrow();
    }

    @Test
    void readsTheRegistryFormatAndRefusesAnythingElse() {
        assertThat(hours("08:00-22:00")).isEqualTo(new OpeningHours(480, 1320));
        assertThat(hours("00:00-24:00").roundTheClock()).isTrue();
        assertThat(hours("18:00-02:00").minutesPerDay()).isEqualTo(480);
        assertThat(OpeningHours.parse(null)).isEmpty();
        assertThat(OpeningHours.parse("8-22")).isEmpty();
        assertThat(OpeningHours.parse("24:00-25:00")).isEmpty();
    }

    @Test
    void openIsInclusiveCloseExclusiveAndGraceWidensBothSides() {
        OpeningHours day = hours("08:00-22:00");
        assertThat(day.contains(LocalTime.of(8, 0), Duration.ZERO)).isTrue();
        assertThat(day.contains(LocalTime.of(7, 59), Duration.ZERO)).isFalse();
        assertThat(day.contains(LocalTime.of(21, 59), Duration.ZERO)).isTrue();
        assertThat(day.contains(LocalTime.of(22, 0), Duration.ZERO)).isFalse();
        assertThat(day.contains(LocalTime.of(7, 30), Duration.ofMinutes(30))).isTrue();
        assertThat(day.contains(LocalTime.of(7, 29), Duration.ofMinutes(30))).isFalse();
        assertThat(day.contains(LocalTime.of(22, 29), Duration.ofMinutes(30))).isTrue();
        assertThat(day.contains(LocalTime.of(22, 30), Duration.ofMinutes(30))).isFalse();
    }

    @Test
    void overnightHoursWrapAroundMidnight() {
        OpeningHours night = hours("18:00-02:00");
        assertThat(night.contains(LocalTime.of(23, 0), Duration.ZERO)).isTrue();
        assertThat(night.contains(LocalTime.of(1, 59), Duration.ZERO)).isTrue();
        assertThat(night.contains(LocalTime.of(2, 0), Duration.ZERO)).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0), Duration.ZERO)).isFalse();
        assertThat(night.minutesOpenBefore(LocalTime.of(3, 0))).isEqualTo(120);
        assertThat(night.minutesOpenBefore(LocalTime.of(19, 0))).isEqualTo(180);
    }

    @Test
    void minutesOpenSoFarToday() {
        OpeningHours day = hours("08:00-22:00");
        assertThat(day.minutesOpenBefore(LocalTime.of(7, 0))).isZero();
        assertThat(day.minutesOpenBefore(LocalTime.of(10, 0))).isEqualTo(120);
        assertThat(day.minutesOpenBefore(LocalTime.of(23, 0))).isEqualTo(840);
        assertThat(hours("00:00-24:00").minutesOpenBefore(LocalTime.of(1, 30))).isEqualTo(90);
    }
}
