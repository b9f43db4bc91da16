package org.jiaxing.dashboard.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard.
 *
 * @param liveCounting   count check-ins from events as they are committed (off: only rebuilds fill the
 *                       rollups; used to measure what live counting costs the check-in path)
 * @param rebuildOnStart rebuild the rollups from the check-in table when the application starts
 * @param flushInterval  how often the live counters are written to the rollup tables (one transaction)
 * @param window         how far back rollups are kept and rebuilt (the check-in retention)
 */
@Validated
@ConfigurationProperties("jiaxing.dashboard")
public record DashboardProperties(
        @DefaultValue("true") boolean liveCounting,
        @DefaultValue("true") boolean rebuildOnStart,
        @NotNull @DefaultValue("2s") Duration flushInterval,
        @NotNull @DefaultValue("29d") Duration window,
        @Valid @NotNull @DefaultValue Rules rules) {

    /**
     * Thresholds of the compliance and fraud rules (each rule's javadoc says how it uses them).
     *
     * @param openingGrace           check-ins this long before opening or after closing are still "inside"
     * @param nightFrom              start of "the middle of the night" (venues without opening hours)
     * @param nightUntil             its end (exclusive)
     * @param burstMinimum           scans a venue may always receive in one minute
     * @param burstShareOfDaily      share of the expected daily visitors a venue may admit in one minute
     * @param maxSpeedKmh            fastest plausible travel between two venues
     * @param travelMinimumKm        venues closer than this are never "impossible travel" (imprecise coordinates)
     * @param travelWindow           how long a person's last check-in is remembered for the travel rule
     * @param maxIdentitiesPerDevice identities one device may check in within the device window
     * @param deviceWindow           the window of the device rule
     * @param zeroScanGrace          how long a venue must have been open today before zero scans count
     * @param lowScanRate            scans per expected visitor (7-day mean) below which a venue is listed
     * @param dropRatio              yesterday below this share of the venue's own 7-day median is a drop
     * @param dropMinimumMedian      the drop rule ignores venues whose median is below this
     */
    public record Rules(
            @NotNull @DefaultValue("30m") Duration openingGrace,
            @NotNull @DefaultValue("01:00") LocalTime nightFrom,
            @NotNull @DefaultValue("05:00") LocalTime nightUntil,
            @Min(1) @DefaultValue("30") int burstMinimum,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.05") double burstShareOfDaily,
            @DecimalMin("1.0") @DefaultValue("120") double maxSpeedKmh,
            @DecimalMin("0.0") @DefaultValue("1.0") double travelMinimumKm,
            @NotNull @DefaultValue("3h") Duration travelWindow,
            @Min(1) @DefaultValue("3") int maxIdentitiesPerDevice,
            @NotNull @DefaultValue("24h") Duration deviceWindow,
            @NotNull @DefaultValue("2h") Duration zeroScanGrace,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.3") double lowScanRate,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double dropRatio,
            @Min(1) @DefaultValue("20") int dropMinimumMedian) {

        /** The defaults, for tests. */
        public static Rules defaults() {
            return new Rules(Duration.ofMinutes(30), LocalTime.of(1, 0), LocalTime.of(5, 0), 30, 0.05, 120, 1.0,
                    Duration.ofHours(3), 3, Duration.ofHours(24), Duration.ofHours(2), 0.3, 0.5, 20);
        }
    }
}
