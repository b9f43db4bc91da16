package org.jiaxing.project;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** The user may see the project or problem but not do this to it. */
public class ProjectActionDenied extends JiaxingException {

    private ProjectActionDenied(String key, Object... args) {
        super(HttpStatus.FORBIDDEN, key, args);
    }

    public static ProjectActionDenied action(String action) {
        return new ProjectActionDenied("project.error.denied", action);
    }

    public static ProjectActionDenied notOnSite() {
        return new ProjectActionDenied("project.error.notMember");
    }
}
