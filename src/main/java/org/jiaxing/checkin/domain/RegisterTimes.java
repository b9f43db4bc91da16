package org.jiaxing.checkin.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Times in a register: ISO-8601 with an offset ({@code 2026-11-20T10:02:00+08:00} or {@code …Z}). A time
 * without an offset is refused rather than guessed: a register digitised abroad or by a tool that writes
 * UTC would otherwise shift every visit by hours, and tracing compares visits to the minute.
 */
final class RegisterTimes {

    /** RFC 3339 allows a space for the {@code T}; spreadsheets often write one. */
    private static final Pattern SPACE_FOR_T = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

    /** What reading a cell gave: a time, or the key of what is wrong with it. */
    record Read(Instant at, String problemKey) {

        boolean ok() {
            return problemKey == null;
        }
    }

    private RegisterTimes() {
    }

    static Read read(String text) {
        String iso = SPACE_FOR_T.matcher(text.strip()).replaceFirst("$1T$2");
        try {
            return new Read(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), null);
        } catch (DateTimeParseException notWithOffset) {
            return new Read(null, withoutOffset(iso) ? "checkin.import.error.timeNoOffset"
                    : "checkin.import.error.timeFormat");
        }
    }

    private static boolean withoutOffset(String iso) {
        try {
            LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
