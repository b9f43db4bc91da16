package org.jiaxing.checkin.web;

/**
 * The body of a scan from an API client: the venue's code and the visitor's identity, the shape of
 * {@code POST /api/v1/checkins}. The benchmark sends this same body to the echo and to the check-in
 * endpoints (plus the person and venue ids the identity and code would resolve to), so that both do the
 * same HTTP, JSON and validation work and differ only in the write.
 */
record ScanRequest(String venueToken, String idNumber, String phone, String name, Long personId, Long venueId) {

    static final int MAX_TOKEN_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 32;
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARACTERS = "10X98765432";

    /** Checks every field the way the check-in API will; the first problem found is reported. */
    ScanRequest validated() {
        if (!isToken(venueToken)) {
            throw InvalidScanRequest.field("venueToken");
        }
        if (!isIdNumber(idNumber)) {
            throw InvalidScanRequest.field("idNumber");
        }
        if (!isMobile(phone)) {
            throw InvalidScanRequest.field("phone");
        }
        if (!isName(name)) {
            throw InvalidScanRequest.field("name");
        }
        if (personId == null || personId <= 0) {
            throw InvalidScanRequest.field("personId");
        }
        if (venueId == null || venueId <= 0) {
            throw InvalidScanRequest.field("venueId");
        }
        return this;
    }

    /** Base64url, as the code module writes tokens; the signature itself is checked by the check-in API. */
    static boolean isToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** 18-character resident ID number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character. */
    static boolean isIdNumber(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Mainland mobile number: 11 digits starting with 13–19. */
    static boolean isMobile(String phone) {
        if (phone == null || phone.length() != 11 || phone.charAt(0) != '1' || phone.charAt(1) < '3') {
            return false;
        }
        return phone.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static boolean isName(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        int length = name.codePointCount(0, name.length());
        return length <= MAX_NAME_LENGTH && name.codePoints().noneMatch(Character::isISOControl);
    }

    /** 张三丰 → 张*丰, 张三 → 张*: what a result page may show. */
    String maskedName() {
        int[] points = name.strip().codePoints().toArray();
        if (points.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(points[0]).append('*');
        if (points.length > 2) {
            masked.appendCodePoint(points[points.length - 1]);
        }
        return masked.toString();
    }
}
