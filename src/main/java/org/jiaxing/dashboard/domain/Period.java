package org.jiaxing.dashboard.domain;

import java.util.Arrays;
import java.util.Optional;

/** The periods the dashboard shows: today, and the last 7 or 28 days including today. */
public enum Period {
    TODAY("today", 1),
    DAYS_7("7d", 7),
    DAYS_28("28d", 28);

    private final String key;
    private final int days;

    Period(String key, int days) {
        this.key = key;
        this.days = days;
    }

    public String key() {
        return key;
    }

    public int days() {
        return days;
    }

    public static Optional<Period> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
