package org.jiaxing.dashboard.domain;

/** Check-ins of a group (venue, day, town…): all new check-ins, the refused ones and their colours. */
public record ScanCounts(long checkins, long refused, long yellow, long red) {

    public static final ScanCounts ZERO = new ScanCounts(0, 0, 0, 0);

    /** Admitted entrants (GREEN at the door). */
    public long green() {
        return checkins - refused;
    }

    public ScanCounts plus(ScanCounts other) {
        return new ScanCounts(checkins + other.checkins, refused + other.refused, yellow + other.yellow,
                red + other.red);
    }

    /** Share of all check-ins, 0 when there are none. */
    public double share(long part) {
        return checkins == 0 ? 0 : (double) part / checkins;
    }
}
