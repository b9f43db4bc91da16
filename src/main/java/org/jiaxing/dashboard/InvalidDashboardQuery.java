package org.jiaxing.dashboard;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A period, sort column or export format the dashboard does not know. */
public class InvalidDashboardQuery extends JiaxingException {

    private InvalidDashboardQuery(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidDashboardQuery parameter(String name) {
        return new InvalidDashboardQuery("dashboard.error.parameter", name);
    }
}
