package org.jiaxing.code;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** No CJK font on this machine: PDF posters cannot be made (the HTML poster still works). */
public class PosterFontMissing extends JiaxingException {

    private PosterFontMissing() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "code.poster.fontMissing");
    }

    public static PosterFontMissing onThisMachine() {
        return new PosterFontMissing();
    }
}
