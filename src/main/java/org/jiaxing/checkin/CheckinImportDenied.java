package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** Only city and town administrators and tracers import check-ins. */
public class CheckinImportDenied extends JiaxingException {

    private CheckinImportDenied() {
        super(HttpStatus.FORBIDDEN, "checkin.import.error.denied");
    }

    public static CheckinImportDenied forRole() {
        return new CheckinImportDenied();
    }
}
