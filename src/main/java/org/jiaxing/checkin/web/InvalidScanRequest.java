package org.jiaxing.checkin.web;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A scan request with a missing or malformed field; names the field, never echoes its value. */
class InvalidScanRequest extends JiaxingException {

    private InvalidScanRequest(String field) {
        super(HttpStatus.BAD_REQUEST, "checkin.error.field." + field);
    }

    static InvalidScanRequest field(String field) {
        return new InvalidScanRequest(field);
    }

    static InvalidScanRequest mode() {
        return new InvalidScanRequest("mode");
    }
}
