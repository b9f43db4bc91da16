package org.jiaxing.dashboard.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/** The fraud rules as plain functions of their inputs; {@link FraudWatch} applies them to live check-ins. */
public final class FraudRules {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final DashboardProperties.Rules rules;

    public FraudRules(DashboardProperties.Rules rules) {
        this.rules = rules;
    }

    /**
     * A check-in at local time {@code time}: with known hours, outside them (widened by the opening grace)
     * is {@link FlagKind#OUTSIDE_HOURS}; without hours, {@code nightFrom <= time < nightUntil} is
     * {@link FlagKind#NIGHT}. Round-the-clock venues are never flagged.
     */
    public Optional<FlagKind> timing(OpeningHours hours, LocalTime time) {
        if (hours != null) {
            return hours.contains(time, rules.openingGrace()) ? Optional.empty() : Optional.of(FlagKind.OUTSIDE_HOURS);
        }
        boolean night = !time.isBefore(rules.nightFrom()) && time.isBefore(rules.nightUntil());
        return night ? Optional.of(FlagKind.NIGHT) : Optional.empty();
    }

    /**
     * Most scans a venue can plausibly admit in one minute: the larger of the minimum and a share of its
     * expected daily visitors. More than this is a burst.
     */
    public int burstLimit(Integer expectedDailyVisitors) {
        int byVisitors = expectedDailyVisitors == null ? 0
                : (int) Math.ceil(expectedDailyVisitors * rules.burstShareOfDaily());
        return Math.max(rules.burstMinimum(), byVisitors);
    }

    public boolean burst(int scansInMinute, Integer expectedDailyVisitors) {
        return scansInMinute > burstLimit(expectedDailyVisitors);
    }

    /**
     * Two check-ins {@code km} apart, {@code between} apart in time: impossible when farther than the
     * minimum distance and faster than the maximum speed (any distance beyond the minimum in no time).
     */
    public boolean impossibleTravel(double km, Duration between) {
        if (km <= rules.travelMinimumKm()) {
            return false;
        }
        long millis = Math.abs(between.toMillis());
        if (millis == 0) {
            return true;
        }
        double kmh = km / (millis / 3_600_000.0);
        return kmh > rules.maxSpeedKmh();
    }

    /** More distinct identities on one device within the device window than allowed. */
    public boolean sharedDevice(int distinctIdentities) {
        return distinctIdentities > rules.maxIdentitiesPerDevice();
    }

    /** Great-circle distance (haversine) between two points in degrees. */
    public static double distanceKm(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
