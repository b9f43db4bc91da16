package org.jiaxing.dashboard;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** Only city and town administrators see the dashboard; a flag outside one's town is not found. */
public class DashboardAccessDenied extends JiaxingException {

    private DashboardAccessDenied(HttpStatus status, String key) {
        super(status, key);
    }

    public static DashboardAccessDenied forRole() {
        return new DashboardAccessDenied(HttpStatus.FORBIDDEN, "dashboard.error.denied");
    }

    public static DashboardAccessDenied flagNotFound() {
        return new DashboardAccessDenied(HttpStatus.NOT_FOUND, "dashboard.error.flagNotFound");
    }
}
