package org.jiaxing.checkin.domain;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;

/**
 * One caller's request waiting in the writer's queue, with the future the caller blocks on. The writer
 * completes it only after the transaction that holds the request committed (or failed).
 */
sealed interface WriteCommand {

    /** Rows this command may insert; batches are capped by rows, not by commands. */
    int rows();

    CompletableFuture<?> done();

    /** The caller stopped waiting (timeout): skip it if it was not written yet. */
    default boolean abandoned() {
        return done().isDone();
    }

    default void fail(Throwable cause) {
        done().completeExceptionally(cause);
    }

    /** Check-ins recorded all-or-nothing, in order. */
    record Record(List<NewCheckin> checkins, CompletableFuture<List<CheckinResult>> done) implements WriteCommand {

        Record(List<NewCheckin> checkins) {
            this(List.copyOf(checkins), new CompletableFuture<>());
        }

        @Override
        public int rows() {
            return checkins.size();
        }
    }

    /** A person checking out of their own check-in at {@code at}. */
    record CheckOut(long checkinId, long personId, Instant at, CompletableFuture<Checkin> done) implements WriteCommand {

        CheckOut(long checkinId, long personId, Instant at) {
            this(checkinId, personId, at, new CompletableFuture<>());
        }

        @Override
        public int rows() {
            return 1;
        }
    }
}
