package org.jiaxing.venue.domain;

/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): a cell that starts with a character
 * a spreadsheet reads as the start of a formula gets a leading apostrophe, which Excel and WPS show
 * as plain text. Import removes exactly that apostrophe again, so export → import is lossless.
 */
public final class CellText {

    private CellText() {
    }

    public static String guard(String value) {
        return value != null && startsLikeFormula(value, 0) ? "'" + value : value;
    }

    static String unguard(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && startsLikeFormula(value, 1) ? value.substring(1) : value;
    }

    private static boolean startsLikeFormula(String value, int at) {
        if (value.length() <= at) {
            return false;
        }
        char first = value.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
