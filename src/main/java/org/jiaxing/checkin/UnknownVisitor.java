package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** The API named nobody we know and gave too little to register them. */
public class UnknownVisitor extends JiaxingException {

    private UnknownVisitor(HttpStatus status, String key) {
        super(status, key);
    }

    public static UnknownVisitor notRegistered() {
        return new UnknownVisitor(HttpStatus.NOT_FOUND, "checkin.error.unknownVisitor");
    }

    public static UnknownVisitor noCredential() {
        return new UnknownVisitor(HttpStatus.BAD_REQUEST, "checkin.error.noCredential");
    }
}
