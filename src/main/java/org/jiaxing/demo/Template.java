package org.jiaxing.demo;

import java.util.regex.Pattern;

/**
 * A venue name pattern such as {@code "{town}{village}村卫生室 @08:00-16:30 #10-60"}: the pattern, then
 * optionally opening hours and a visitor range that override the category's for venues of this kind.
 *
 * @param hours    {@code null} to use the category's hours, {@link #NO_HOURS} for none at all
 * @param visitors {@code null} to use the category's range
 */
record Template(String pattern, String hours, Range visitors) {

    /** Written in the data files where a venue has no opening hours. */
    static final String NO_HOURS = "none";

    static final Pattern HOURS = Pattern.compile("\\d{2}:\\d{2}-\\d{2}:\\d{2}");

    static Template parse(String text) {
        String[] tokens = text.strip().split("\\s+");
        String hours = null;
        Range visitors = null;
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("@")) {
                hours = checkHours(token.substring(1));
            } else if (token.startsWith("#")) {
                visitors = Range.parse(token.substring(1));
            } else {
                throw new IllegalArgumentException("unexpected '" + token + "' in template " + text);
            }
        }
        return new Template(tokens[0], hours, visitors);
    }

    static String checkHours(String hours) {
        if (!NO_HOURS.equals(hours) && !isValidHours(hours)) {
            throw new IllegalArgumentException("opening hours must be HH:mm-HH:mm or none: " + hours);
        }
        return hours;
    }

    static boolean isValidHours(String hours) {
        if (!HOURS.matcher(hours).matches()) {
            return false;
        }
        return validTime(hours.substring(0, 5)) && validTime(hours.substring(6));
    }

    private static boolean validTime(String hhmm) {
        int hour = Integer.parseInt(hhmm.substring(0, 2));
        int minute = Integer.parseInt(hhmm.substring(3));
        return hour < 24 && minute < 60;
    }

    /** True when the venue sits in a village, so its address is "…村 3 组 12 号" rather than a road. */
    boolean inVillage() {
        return pattern.contains("{" + Place.VILLAGE + "}");
    }
}
