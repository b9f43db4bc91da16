package org.jiaxing.person;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 11 digits, {@code 1[3-9]} then 9 more. People type them with spaces or
 * dashes and sometimes with the country code, so those are removed before checking and storing.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    private PhoneNumbers() {
    }

    /**
     * Removes spaces and dashes, turns full-width digits into ASCII and drops a leading {@code +86} or
     * {@code 0086}. Does not validate; {@code null} stays {@code null}.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String phone = SEPARATORS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
        if (phone.startsWith("+86")) {
            return phone.substring(3);
        }
        if (phone.startsWith("0086")) {
            return phone.substring(4);
        }
        return phone;
    }

    public static boolean isValid(String raw) {
        String phone = normalize(raw);
        return phone != null && MOBILE.matcher(phone).matches();
    }

    /** Whether nothing but separators was typed (the phone is optional). */
    public static boolean isBlank(String raw) {
        String phone = normalize(raw);
        return phone == null || phone.isEmpty();
    }
}
