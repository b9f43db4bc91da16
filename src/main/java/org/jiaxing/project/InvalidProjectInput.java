package org.jiaxing.project;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** Input a project page refuses: missing text, a bad date, an upload of the wrong kind or size. */
public class InvalidProjectInput extends JiaxingException {

    private InvalidProjectInput(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidProjectInput of(String key, Object... args) {
        return new InvalidProjectInput(key, args);
    }

    public static InvalidProjectInput tooLarge(String fileName, long maxBytes) {
        return new InvalidProjectInput("project.error.upload.tooLarge", fileName, maxBytes / (1024 * 1024));
    }

    public static InvalidProjectInput unsupportedType(String fileName) {
        return new InvalidProjectInput("project.error.upload.type", fileName);
    }
}
