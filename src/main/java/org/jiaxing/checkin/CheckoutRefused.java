package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A check-out that was not recorded. */
public class CheckoutRefused extends JiaxingException {

    private CheckoutRefused(HttpStatus status, String key) {
        super(status, key);
    }

    /** No such check-in, or not the caller's: the same 404 for both, so ids of others cannot be probed. */
    public static CheckoutRefused notFound() {
        return new CheckoutRefused(HttpStatus.NOT_FOUND, "checkin.error.checkoutNotFound");
    }

    public static CheckoutRefused alreadyCheckedOut() {
        return new CheckoutRefused(HttpStatus.CONFLICT, "checkin.error.alreadyCheckedOut");
    }

    /** A refused attempt was never a stay, so there is nothing to check out of. */
    public static CheckoutRefused refusedAttempt() {
        return new CheckoutRefused(HttpStatus.CONFLICT, "checkin.error.checkoutOfRefused");
    }
}
