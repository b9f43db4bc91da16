package org.jiaxing.checkin;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Paper-register CSV files for import tests, written the way people and Excel write them. */
public final class RegisterFiles {

    public static final String HEADER = "venue_code,phone,name,checked_in_at,checked_out_at";
    private static final ZoneOffset PINGHU = ZoneOffset.ofHours(8);

    private RegisterFiles() {
    }

    public static byte[] utf8(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** What Chinese Excel saves as "CSV (逗号分隔)". */
    public static byte[] gbk(String... lines) {
        return String.join("\r\n", lines).getBytes(Charset.forName("GBK"));
    }

    public static String row(String venueCode, String phone, String name, Instant in, Instant out) {
        return String.join(",", venueCode, phone, name == null ? "" : name, iso(in), out == null ? "" : iso(out));
    }

    /** Local Pinghu time with its offset, as a register is written: {@code 2026-03-02T10:02:00+08:00}. */
    public static String iso(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(PINGHU));
    }
}
