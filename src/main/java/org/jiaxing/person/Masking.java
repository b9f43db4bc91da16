package org.jiaxing.person;

/**
 * How personal data is shown to anyone who may not see it in full: enough for the person to recognise
 * themselves and for staff to tell two visitors apart, not enough to identify someone.
 * Every method accepts any input, including {@code null} (returned as {@code null}) and malformed values,
 * because masking is also what {@code toString()} uses on unvalidated input.
 */
public final class Masking {

    private static final char STAR = '*';

    private Masking() {
    }

    /**
     * The first and the last character, stars in between: 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜,
     * John Smith → J********h; a single character becomes *. Counts characters, not UTF-16 units, so
     * names with rare characters (𠮷) mask correctly.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        return switch (chars.length) {
            case 0 -> "";
            case 1 -> String.valueOf(STAR);
            case 2 -> Character.toString(chars[0]) + STAR;
            default -> Character.toString(chars[0]) + stars(chars.length - 2) + Character.toString(chars[chars.length - 1]);
        };
    }

    /** 13812341234 → 138****1234: the network prefix and the last four digits. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4, 8);
    }

    /** 330482199001011234 → 330482********1234: the region (6) and the last four characters. */
    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 6, 4, 11);
    }

    /** Keeps {@code head} and {@code tail} characters of values at least {@code minLength} long; shorter ones are all stars. */
    private static String keepEnds(String value, int head, int tail, int minLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < minLength) {
            return stars(length);
        }
        int[] chars = trimmed.codePoints().toArray();
        return new String(chars, 0, head) + stars(length - head - tail) + new String(chars, length - tail, tail);
    }

    private static String stars(int count) {
        return String.valueOf(STAR).repeat(count);
    }
}
