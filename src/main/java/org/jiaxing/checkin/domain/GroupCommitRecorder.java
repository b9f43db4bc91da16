package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinBackpressure;
import org.jiaxing.checkin.CheckinNotRecorded;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.CheckoutRefused;
import org.jiaxing.checkin.InvalidCheckin;
import org.jiaxing.checkin.NewCheckin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The check-in write path: request threads put their command into a bounded queue and block; ONE writer
 * thread takes everything that is waiting (up to the batch size), writes it in one transaction, commits,
 * and only then wakes the callers. There is no timer: while one batch commits, the next one forms in the
 * queue by itself, so under load batches grow, and alone a check-in commits at once.
 *
 * <p>The queue is lock-free (many request threads, one writer): a request never waits for a lock to
 * enqueue, and wakes the writer only when it is actually asleep, not once per request. Its capacity is
 * kept with a counter.
 *
 * <p>Single node: the writer is the only process that writes check-ins (ids are safe for more writers,
 * see {@link CheckinStore}, but the in-memory dedup index is not). Scale-out plan: replace this class
 * behind {@link CheckinRecorder} with one that appends to a Kafka topic partitioned by venue and
 * acknowledges after the broker's acknowledgement; one consumer per partition then plays the part of
 * this writer (the same batching, a dedup index for its own venues, a shard of the store).
 */
@Service
class GroupCommitRecorder implements CheckinRecorder, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitRecorder.class);
    /** How often an idle writer looks whether it was stopped; a new command wakes it at once. */
    private static final long IDLE_CHECK_MILLIS = 200;

    private final BatchHandler handler;
    private final WriterStats stats;
    private final Clock clock;
    private final CheckinProperties properties;
    private final GatherInterval gatherInterval;
    private final ConcurrentLinkedQueue<WriteCommand> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    /** Set by the writer before it looks a last time and parks; a request that sees it unparks the writer. */
    private volatile boolean writerAsleep;
    private volatile boolean accepting;
    private volatile boolean running;
    private volatile Thread writer;

    GroupCommitRecorder(BatchHandler handler, WriterStats stats, Clock clock, CheckinProperties properties,
            GatherInterval gatherInterval) {
        this.handler = handler;
        this.gatherInterval = gatherInterval;
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
        this.capacity = properties.queueCapacity();
        stats.watchQueue(queued::get);
    }

    @Override
    public CheckinResult record(NewCheckin checkin) {
        return recordAll(List.of(checkin)).getFirst();
    }

    @Override
    public List<CheckinResult> recordAll(List<NewCheckin> checkins) {
        if (checkins.isEmpty()) {
            throw InvalidCheckin.empty();
        }
        Instant now = clock.instant();
        checkins.forEach(checkin -> {
            requirePlausibleTime(checkin.at(), now);
            if (checkin.checkedOutAt() != null && checkin.checkedOutAt().isAfter(now.plus(properties.maxClockSkew()))) {
                throw InvalidCheckin.inTheFuture();
            }
        });
        WriteCommand.Record command = new WriteCommand.Record(checkins);
        submit(command);
        return await(command.done());
    }

    @Override
    public Checkin checkOut(long checkinId, long personId) {
        WriteCommand.CheckOut command = new WriteCommand.CheckOut(checkinId, personId, clock.instant());
        submit(command);
        return await(command.done());
    }

    private void requirePlausibleTime(Instant at, Instant now) {
        if (at.isAfter(now.plus(properties.maxClockSkew()))) {
            throw InvalidCheckin.inTheFuture();
        }
        if (!at.isAfter(now.minus(properties.retention()))) {
            throw InvalidCheckin.olderThanRetention(properties.retention().toDays());
        }
    }

    /** Fails fast when the writer cannot keep up: a full queue answers 503 now, not after a timeout. */
    void submit(WriteCommand command) {
        if (!accepting) {
            throw CheckinBackpressure.writerStopped();
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            stats.rejectedQueueFull();
            throw CheckinBackpressure.queueFull();
        }
        queue.offer(command);
        if (writerAsleep) {
            Thread thread = writer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** The next command, or {@code null} after an idle while (so that the writer sees a stop). */
    private WriteCommand takeOrWait() throws InterruptedException {
        WriteCommand first = queue.poll();
        if (first == null) {
            writerAsleep = true;
            try {
                first = queue.poll();
                if (first == null) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(IDLE_CHECK_MILLIS));
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    first = queue.poll();
                }
            } finally {
                writerAsleep = false;
            }
        }
        if (first != null) {
            queued.decrementAndGet();
        }
        return first;
    }

    private WriteCommand takeIfAny() {
        WriteCommand next = queue.poll();
        if (next != null) {
            queued.decrementAndGet();
        }
        return next;
    }

    private <T> T await(CompletableFuture<T> done) {
        try {
            return done.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // if the writer has not taken it yet, it will now skip it (abandoned); if it is being written,
            // it may still commit, which a retry then sees as a duplicate
            done.completeExceptionally(e);
            stats.timedOut();
            throw CheckinBackpressure.notCommittedInTime();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // the writer's answers for the caller (409, 404, 503) are passed on as they are
            if (cause instanceof CheckoutRefused || cause instanceof CheckinNotRecorded
                    || cause instanceof CheckinBackpressure) {
                throw (RuntimeException) cause;
            }
            throw CheckinNotRecorded.because(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CheckinNotRecorded.because(e);
        }
    }

    private void runWriter() {
        handler.prepare();
        handler.attach();
        try {
            writeUntilStopped();
        } finally {
            handler.detach();
        }
    }

    private void writeUntilStopped() {
        int batchSize = properties.batchSize();
        // the first batch never waits (the interval may grow while the server runs, up to 1 s)
        long lastStart = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);
        List<WriteCommand> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                WriteCommand first = takeOrWait();
                if (first == null) {
                    continue;
                }
                gatherUntil(lastStart + gatherInterval.nanos());
                batch.add(first);
                int rows = first.rows();
                WriteCommand next;
                while (rows < batchSize && (next = takeIfAny()) != null) {
                    batch.add(next);
                    rows += next.rows();
                }
                long started = System.nanoTime();
                lastStart = started;
                stats.took(batch.size());
                handler.handle(batch);
                stats.busy(System.nanoTime() - started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                // the handler must not throw; if it does, the callers learn it and the writer lives on
                log.error("Check-in writer failed on a batch of {} requests", batch.size(), e);
                batch.forEach(command -> command.fail(CheckinNotRecorded.because(e)));
            } finally {
                batch.clear();
            }
        }
        WriteCommand left;
        while ((left = takeIfAny()) != null) {
            left.fail(CheckinBackpressure.writerStopped());
        }
    }

    /**
     * Under steady load the writer would commit again the moment the last commit returned, with whatever few
     * requests arrived during it; each commit costs an fsync (milliseconds and CPU on a virtual disk), so on a
     * busy machine the fsyncs, not the rows, use up the time. Waiting until {@code gatherInterval} after the
     * previous batch's start lets more requests join one commit ({@link GatherInterval}, read per batch). After
     * a quiet spell the deadline has passed already and the check-in is written at once; the wait ends early when a full batch is waiting.
     */
    private void gatherUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0 && queued.get() < properties.batchSize() && running) {
            LockSupport.parkNanos(this, Math.min(wait, 500_000));
        }
    }

    @Override
    public void start() {
        running = true;
        // requests that arrive while the writer prepares simply wait in the queue
        accepting = true;
        Thread thread = new Thread(this::runWriter, "checkin-writer");
        thread.setDaemon(true);
        // every request waits for this one thread: when it can run, it should (honoured by the JVM only
        // with -XX:ThreadPriorityPolicy=1, which needs the right to raise priorities; ignored otherwise)
        thread.setPriority(Thread.MAX_PRIORITY);
        writer = thread;
        thread.start();
    }

    /** Stops taking requests, writes what is queued, then ends the writer. */
    @Override
    public void stop() {
        accepting = false;
        running = false;
        Thread thread = writer;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server, so no request finds the writer gone. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
