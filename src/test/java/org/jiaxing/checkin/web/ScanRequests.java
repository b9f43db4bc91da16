package org.jiaxing.checkin.web;

/** Valid scan request bodies for tests, with a correct ID number check character. */
final class ScanRequests {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private ScanRequests() {
    }

    /** 17 digits plus their GB 11643 check character. */
    static String idNumber(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return seventeenDigits + "10X98765432".charAt(sum % 11);
    }

    static String json(long personId, long venueId) {
        return json("AQEAAAAAAAAAAQAAAAFOC2OqM0mRnMh1lE2z7yQOBWVWQ", idNumber("33048219850314202"), "13805731234",
                "张三丰", personId, venueId);
    }

    static String json(String token, String idNumber, String phone, String name, long personId, long venueId) {
        return """
                {"venueToken":"%s","idNumber":"%s","phone":"%s","name":"%s","personId":%d,"venueId":%d}"""
                .formatted(token, idNumber, phone, name, personId, venueId);
    }
}
