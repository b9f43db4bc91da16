package org.jiaxing.code;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A batch poster request that cannot be run. */
public class BatchPosterRefused extends JiaxingException {

    private BatchPosterRefused(HttpStatus status, String key) {
        super(status, key);
    }

    public static BatchPosterRefused unknownTown() {
        return new BatchPosterRefused(HttpStatus.BAD_REQUEST, "code.batch.error.unknownTown");
    }

    public static BatchPosterRefused unknownCategory() {
        return new BatchPosterRefused(HttpStatus.BAD_REQUEST, "code.batch.error.unknownCategory");
    }

    public static BatchPosterRefused noVenues() {
        return new BatchPosterRefused(HttpStatus.BAD_REQUEST, "code.batch.error.noVenues");
    }

    public static BatchPosterRefused alreadyRunning() {
        return new BatchPosterRefused(HttpStatus.CONFLICT, "code.batch.error.alreadyRunning");
    }

    public static BatchPosterRefused jobNotFound() {
        return new BatchPosterRefused(HttpStatus.NOT_FOUND, "code.batch.error.notFound");
    }
}
