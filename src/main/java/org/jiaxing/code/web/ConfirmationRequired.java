package org.jiaxing.code.web;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A destructive action (reissue, retire) posted without ticking its confirmation box. */
class ConfirmationRequired extends JiaxingException {

    private ConfirmationRequired() {
        super(HttpStatus.BAD_REQUEST, "code.error.confirmRequired");
    }

    static void check(boolean confirmed) {
        if (!confirmed) {
            throw new ConfirmationRequired();
        }
    }
}
