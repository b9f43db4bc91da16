package org.jiaxing.code.domain;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiaxing.venue.VenueFilter;

/** One batch of posters being written to a file; progress is read by other threads while it runs. */
public final class BatchPosterJob {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A consistent snapshot for pages. */
    public record View(String id, State state, int done, int total, String townCode, String categoryCode,
            Instant createdAt, Duration elapsed, String fileName) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        public int percent() {
            return total == 0 ? 0 : (int) (100L * done / total);
        }
    }

    private final String id;
    private final long ownerId;
    private final VenueFilter filter;
    private final Instant createdAt;
    private final Path file;
    private final String fileName;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile State state = State.QUEUED;
    private volatile Instant finishedAt;
    private volatile Duration elapsed = Duration.ZERO;

    BatchPosterJob(String id, long ownerId, VenueFilter filter, int expectedTotal, Instant createdAt, Path file,
            String fileName) {
        this.id = id;
        this.ownerId = ownerId;
        this.filter = filter;
        this.total = expectedTotal;
        this.createdAt = createdAt;
        this.file = file;
        this.fileName = fileName;
    }

    public View view() {
        return new View(id, state, done.get(), total, filter.townCode(), filter.categoryCode(), createdAt, elapsed,
                fileName);
    }

    String id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    VenueFilter filter() {
        return filter;
    }

    Path file() {
        return file;
    }

    State state() {
        return state;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    void started(int actualTotal) {
        total = actualTotal;
        state = State.RUNNING;
    }

    void posterWritten() {
        done.incrementAndGet();
    }

    void finished(State outcome, Instant at, Duration took) {
        elapsed = took;
        finishedAt = at;
        state = outcome;
    }
}
