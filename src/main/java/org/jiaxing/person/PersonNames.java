package org.jiaxing.person;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Names as people write them: Chinese characters, the middle dot of minority and transliterated names
 * (阿卜杜·热合曼), Latin letters with spaces, hyphens and apostrophes (Jean-Luc O'Neil). No digits, no
 * control characters, 1–30 characters after trimming.
 */
public final class PersonNames {

    public static final int MAX_LENGTH = 30;
    public static final char MIDDLE_DOT = '·';

    public enum Verdict {
        VALID(null),
        MISSING("person.error.name.required"),
        TOO_LONG("person.error.name.tooLong"),
        CHARACTERS("person.error.name.characters");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Message bundle key (with {@link #MAX_LENGTH} as argument 0); {@code null} for {@link #VALID}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // dots that phone keyboards offer in place of the middle dot: bullet, katakana and hyphenation dots
    private static final Pattern OTHER_DOTS = Pattern.compile("[\\u2022\\u30FB\\u2027\\uFF65]");

    private PersonNames() {
    }

    /** Trims, joins runs of spaces into one and writes look-alike dots as the middle dot. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = OTHER_DOTS.matcher(name).replaceAll(String.valueOf(MIDDLE_DOT));
        return WHITESPACE.matcher(name).replaceAll(" ").strip();
    }

    public static Verdict check(String raw) {
        String name = normalize(raw);
        if (name == null || name.isEmpty()) {
            return Verdict.MISSING;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Verdict.TOO_LONG;
        }
        boolean hasLetter = name.codePoints().anyMatch(Character::isLetter);
        return hasLetter && name.codePoints().allMatch(PersonNames::allowed) ? Verdict.VALID : Verdict.CHARACTERS;
    }

    public static boolean isValid(String raw) {
        return check(raw) == Verdict.VALID;
    }

    private static boolean allowed(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            // accents that NFC could not combine with their letter
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> codePoint == ' ' || codePoint == MIDDLE_DOT || codePoint == '-' || codePoint == '\'';
        };
    }
}
