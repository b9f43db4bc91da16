package org.jiaxing.code;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A key operation that breaks a rule. */
public class SigningKeyRefused extends JiaxingException {

    private SigningKeyRefused(HttpStatus status, String key, Object... args) {
        super(status, key, args);
    }

    public static SigningKeyRefused notFound(int kid) {
        return new SigningKeyRefused(HttpStatus.NOT_FOUND, "code.keys.error.notFound", kid);
    }

    public static SigningKeyRefused alreadyRetired(int kid) {
        return new SigningKeyRefused(HttpStatus.CONFLICT, "code.keys.error.alreadyRetired", kid);
    }

    /** Retiring the signing key would leave nothing to sign new codes with: rotate first. */
    public static SigningKeyRefused signingKey(int kid) {
        return new SigningKeyRefused(HttpStatus.CONFLICT, "code.keys.error.signingKey", kid);
    }
}
