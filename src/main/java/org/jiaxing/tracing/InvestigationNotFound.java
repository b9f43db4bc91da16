package org.jiaxing.tracing;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** No investigation with this id. */
public class InvestigationNotFound extends JiaxingException {

    private InvestigationNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "tracing.error.notFound", id);
    }

    public static InvestigationNotFound forId(long id) {
        return new InvestigationNotFound(id);
    }
}
