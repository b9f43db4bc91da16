package org.jiaxing.demo;

import java.util.Random;

/** Made-up contact phone numbers in the shapes Pinghu uses. */
final class Contacts {

    /** Mobile prefixes the three carriers hand out in Zhejiang. */
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
        "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178",
        "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "195", "198", "199"};

    private Contacts() {
    }

    /** An 11-digit mobile without separators ({@code 13857312345}), the way people type it into forms. */
    static String mobile(Random random) {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(random.nextInt(100_000_000), 8);
    }

    /** A Pinghu landline: area code 0573, then an eight-digit number starting with 85. */
    static String landline(Random random) {
        return "0573-85" + digits(random.nextInt(1_000_000), 6);
    }

    /** {@code value} left-padded with zeros to {@code width} digits; cheaper than String.format on a cold JVM. */
    static String digits(int value, int width) {
        String text = Integer.toString(value);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }
}
