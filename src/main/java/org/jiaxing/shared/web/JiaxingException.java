package org.jiaxing.shared.web;

import org.springframework.http.HttpStatus;

/**
 * Base of every expected failure a user can cause (not found, invalid input, forbidden scope).
 * Modules subclass it with static factories ({@code VenueNotFound.forCode(code)}); the shared
 * {@link ErrorHandling} turns it into the right status with a localized message, as a page or as
 * problem-details JSON. The message key is resolved against the message bundles; the exception
 * message itself is for logs and never shown.
 */
public abstract class JiaxingException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] messageArgs;

    protected JiaxingException(HttpStatus status, String messageKey, Object... messageArgs) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }

    /** Headers the error response must carry, such as {@code Retry-After} on a 429. */
    public java.util.Map<String, String> responseHeaders() {
        return java.util.Map.of();
    }
}
