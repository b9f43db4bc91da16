package org.jiaxing.dashboard.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A venue's daily opening hours as the registry writes them: {@code 08:00-22:00}, {@code 18:00-02:00}
 * (closes after midnight), {@code 00:00-24:00} (round the clock). Minutes of the day, open inclusive and
 * close exclusive.
 */
public record OpeningHours(int openMinute, int closeMinute) {

    private static final int DAY = 24 * 60;
    private static final Pattern FORMAT = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** The hours, or empty when none are set or they cannot be read. */
    public static Optional<OpeningHours> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int open = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int close = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (open >= DAY || close > DAY) {
            return Optional.empty();
        }
        return Optional.of(new OpeningHours(open, close));
    }

    /** Minutes open per day. Equal open and close times (or 00:00-24:00) mean round the clock. */
    public int minutesPerDay() {
        int span = Math.floorMod(closeMinute - openMinute, DAY);
        return span == 0 ? DAY : span;
    }

    public boolean roundTheClock() {
        return minutesPerDay() >= DAY;
    }

    /** Whether {@code time} is within the hours widened by {@code grace} on both sides. */
    public boolean contains(LocalTime time, Duration grace) {
        long widened = minutesPerDay() + 2 * grace.toMinutes();
        if (widened >= DAY) {
            return true;
        }
        int minute = time.getHour() * 60 + time.getMinute();
        int from = (int) Math.floorMod(openMinute - grace.toMinutes(), DAY);
        return Math.floorMod(minute - from, DAY) < widened;
    }

    /** Minutes between midnight and {@code time} during which the venue was open. */
    public int minutesOpenBefore(LocalTime time) {
        int until = time.getHour() * 60 + time.getMinute();
        if (roundTheClock()) {
            return until;
        }
        int end = openMinute + minutesPerDay();
        if (end <= DAY) {
            return overlap(openMinute, end, until);
        }
        // closes after midnight: the early-morning tail of yesterday's opening, then today's evening
        return overlap(0, end - DAY, until) + overlap(openMinute, DAY, until);
    }

    private static int overlap(int from, int to, int until) {
        return Math.max(0, Math.min(to, until) - from);
    }
}
