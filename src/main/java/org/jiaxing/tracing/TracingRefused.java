package org.jiaxing.tracing;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * A step the investigation's state does not allow: approving one's own reveal request, seeing identities
 * before approval, applying twice. 403 for who-may-do-it refusals, 409 for wrong-state refusals.
 */
public class TracingRefused extends JiaxingException {

    private TracingRefused(HttpStatus status, String messageKey) {
        super(status, messageKey);
    }

    /** The requester cannot be the second pair of eyes. */
    public static TracingRefused ownRequest() {
        return new TracingRefused(HttpStatus.FORBIDDEN, "tracing.error.ownRequest");
    }

    /** Identities are shown only to the official who asked, once a second official approved. */
    public static TracingRefused notRevealed() {
        return new TracingRefused(HttpStatus.FORBIDDEN, "tracing.error.notRevealed");
    }

    public static TracingRefused nothingToApprove() {
        return new TracingRefused(HttpStatus.CONFLICT, "tracing.error.nothingToApprove");
    }

    public static TracingRefused alreadyRequested() {
        return new TracingRefused(HttpStatus.CONFLICT, "tracing.error.alreadyRequested");
    }

    public static TracingRefused alreadyApplied() {
        return new TracingRefused(HttpStatus.CONFLICT, "tracing.error.alreadyApplied");
    }
}
