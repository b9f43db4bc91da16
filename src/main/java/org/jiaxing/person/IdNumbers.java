package org.jiaxing.person;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The 18-character PRC resident ID number (GB 11643-1999): a 6-digit region code, the birth date
 * {@code yyyyMMdd}, a 3-digit sequence and a check character computed with ISO 7064 MOD 11-2 (0-9 or X).
 * The region check is kept coarse on purpose (first digit 1–8): the full code list changes over time,
 * and an outdated list would turn away real people.
 */
public final class IdNumbers {

    public static final int LENGTH = 18;

    /** The first problem found, in the order a person can fix them. */
    public enum Verdict {
        VALID(null),
        MISSING("person.error.idNumber.required"),
        FORMAT("person.error.idNumber.format"),
        REGION("person.error.idNumber.region"),
        BIRTH_DATE("person.error.idNumber.birthDate"),
        CHECKSUM("person.error.idNumber.checksum");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Message bundle key; {@code null} for {@link #VALID}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int EARLIEST_BIRTH_YEAR = 1900;

    private IdNumbers() {
    }

    /**
     * Removes spaces, turns full-width digits (from Chinese input methods) into ASCII and a lower-case x
     * into X. Does not validate; {@code null} stays {@code null}.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String ascii = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(ascii).replaceAll("").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether it has the shape of an ID number (17 digits and a check character), checksum unchecked. */
    public static boolean hasShape(String normalized) {
        return normalized != null && SHAPE.matcher(normalized).matches();
    }

    /**
     * Checks a raw ID number.
     *
     * @param today the date in the city's zone, from the injected clock; birth dates after it are refused
     */
    public static Verdict check(String raw, LocalDate today) {
        String id = normalize(raw);
        if (id == null || id.isEmpty()) {
            return Verdict.MISSING;
        }
        if (!hasShape(id)) {
            return Verdict.FORMAT;
        }
        if (id.charAt(0) < '1' || id.charAt(0) > '8') {
            return Verdict.REGION;
        }
        LocalDate born = parseBirthDate(id);
        if (born == null || born.getYear() < EARLIEST_BIRTH_YEAR || born.isAfter(today)) {
            return Verdict.BIRTH_DATE;
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Verdict.CHECKSUM;
        }
        return Verdict.VALID;
    }

    public static boolean isValid(String raw, LocalDate today) {
        return check(raw, today) == Verdict.VALID;
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("the check character is computed over 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char digit = first17.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("the first 17 characters of an ID number are digits");
            }
            sum += (digit - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date encoded in an ID number that {@link #check} found valid. */
    public static LocalDate birthDate(String validIdNumber) {
        LocalDate born = parseBirthDate(normalize(validIdNumber));
        if (born == null) {
            throw new IllegalArgumentException("not a valid ID number");
        }
        return born;
    }

    private static LocalDate parseBirthDate(String id) {
        if (!hasShape(id)) {
            return null;
        }
        try {
            return LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
