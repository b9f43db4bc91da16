package org.jiaxing.code;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** The user may see the venue but not do this to its code (e.g. VENUE_STAFF reissuing). */
public class CodeAccessDenied extends JiaxingException {

    private CodeAccessDenied(String key) {
        super(HttpStatus.FORBIDDEN, key);
    }

    public static CodeAccessDenied reissue() {
        return new CodeAccessDenied("code.error.reissueNotAllowed");
    }

    public static CodeAccessDenied tabletMode() {
        return new CodeAccessDenied("code.error.tabletNotAllowed");
    }

    public static CodeAccessDenied batchPosters() {
        return new CodeAccessDenied("code.error.batchNotAllowed");
    }
}
