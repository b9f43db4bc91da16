package org.jiaxing.project;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** No such project, or one outside the user's scope (reported alike, so scope cannot be probed). */
public class ProjectNotFound extends JiaxingException {

    private ProjectNotFound(String key, Object... args) {
        super(HttpStatus.NOT_FOUND, key, args);
    }

    public static ProjectNotFound project(long id) {
        return new ProjectNotFound("project.error.notFound", id);
    }

    public static ProjectNotFound problem(long id) {
        return new ProjectNotFound("project.error.problemNotFound", id);
    }

    /** A scanned site code that is not (or no longer) a valid code of a project site. */
    public static ProjectNotFound siteCode() {
        return new ProjectNotFound("project.error.siteCode");
    }

    public static ProjectNotFound file() {
        return new ProjectNotFound("project.error.fileNotFound");
    }
}
