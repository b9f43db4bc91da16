package org.jiaxing.checkin.domain;

import java.util.List;

/**
 * Writes one batch of queued commands and completes every command's future. Called only on the
 * writer thread, one batch at a time. Must not throw: failures reach the callers through their futures.
 */
interface BatchHandler {

    /** Runs once on the writer thread before the first batch (loads what the writer keeps in memory). */
    default void prepare() {
    }

    void handle(List<WriteCommand> batch);

    /**
     * The calling thread is the writer from now on and may keep resources (its own database connection)
     * between batches, until {@link #detach}.
     */
    default void attach() {
    }

    /** The writer ends: give back what {@link #attach} allowed it to keep. */
    default void detach() {
    }
}
