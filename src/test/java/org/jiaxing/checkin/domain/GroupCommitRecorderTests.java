package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinBackpressure;
import org.jiaxing.checkin.CheckinNotRecorded;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue in front of the writer: fail fast when full, 503 instead of a hang, nothing before commit. */
class GroupCommitRecorderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final WriterStats stats = new WriterStats();
    private final CountDownLatch writerBusy = new CountDownLatch(1);
    private final CountDownLatch releaseWriter = new CountDownLatch(1);
    private final AtomicInteger handled = new AtomicInteger();
    private GroupCommitRecorder recorder;

    /** A writer whose first batch never finishes until the test says so. */
    private final BatchHandler stuckWriter = batch -> {
        writerBusy.countDown();
        try {
            releaseWriter.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handled.addAndGet(batch.size());
        batch.forEach(command -> command.fail(new IllegalStateException("not written in this test")));
    };

    @AfterEach
    void stopWriter() {
        releaseWriter.countDown();
        if (recorder != null) {
            recorder.stop();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503() throws Exception {
        recorder = started(stuckWriter, properties(2, Duration.ofSeconds(30)));
        recorder.submit(record(1)); // taken by the writer, which then hangs
        writerBusy.await();
        recorder.submit(record(2));
        recorder.submit(record(3)); // the queue (capacity 2) is now full

        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(4, 1, NOW)))
                .isInstanceOf(CheckinBackpressure.class).hasMessage("checkin.error.busy")
                .satisfies(e -> assertThat(((CheckinBackpressure) e).status().value()).isEqualTo(503));
    }

    @Test
    void aCallerWhoseCheckinIsNotCommittedInTimeGets503InsteadOfWaitingForever() throws Exception {
        recorder = started(stuckWriter, properties(8, Duration.ofMillis(50)));
        recorder.submit(record(1));
        writerBusy.await();

        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(2, 1, NOW)))
                .isInstanceOf(CheckinBackpressure.class).hasMessage("checkin.error.timeout");
        assertThat(stats.queueDepth()).as("still queued, marked abandoned").isEqualTo(1);
    }

    @Test
    void theAnswerComesFromTheWriterOnlyAfterItHandledTheBatch() {
        BatchHandler committing = batch -> batch.forEach(command -> {
            WriteCommand.Record record = (WriteCommand.Record) command;
            handled.incrementAndGet();
            record.done().complete(record.checkins().stream()
                    .map(c -> new CheckinResult(new Checkin(7, c.personId(), c.venueId(), c.at(),
                            null, false, c.channel()), false)).toList());
        });
        recorder = started(committing, properties(8, Duration.ofSeconds(30)));

        CheckinResult result = recorder.record(NewCheckin.scan(5, 1, NOW));

        assertThat(result.checkin().id()).isEqualTo(7);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aWriterFailureReachesTheCallerAsNotRecorded() {
        recorder = started(batch -> {
            throw new IllegalStateException("bug in the writer");
        }, properties(8, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(5, 1, NOW)))
                .isInstanceOf(CheckinNotRecorded.class);
        // and the writer lives on for the next one
        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(6, 1, NOW)))
                .isInstanceOf(CheckinNotRecorded.class);
    }

    @Test
    void aStoppedWriterRefusesAtOnce() {
        recorder = started(stuckWriter, properties(8, Duration.ofSeconds(30)));
        releaseWriter.countDown();
        recorder.stop();

        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(5, 1, NOW)))
                .isInstanceOf(CheckinBackpressure.class).hasMessage("checkin.error.unavailable");
    }

    /** Completes every record command at once and remembers each batch's size. */
    private BatchHandler committingInto(List<Integer> batchSizes) {
        return batch -> {
            batchSizes.add(batch.size());
            batch.forEach(command -> {
                WriteCommand.Record record = (WriteCommand.Record) command;
                record.done().complete(record.checkins().stream()
                        .map(c -> new CheckinResult(new Checkin(7, c.personId(), c.venueId(), c.at(),
                                null, false, c.channel()), false)).toList());
            });
        };
    }

    @Test
    void underLoadTheWriterGathersRequestsForTheGatherIntervalSoThatOneCommitCarriesThemAll() {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        recorder = started(committingInto(batchSizes),
                properties(64, Duration.ofSeconds(30), Duration.ofMillis(400)));
        recorder.record(NewCheckin.scan(1, 1, NOW));

        // arriving right after a commit started: without the interval each would likely commit on its own
        List<WriteCommand.Record> next = new ArrayList<>();
        for (long person = 2; person <= 6; person++) {
            WriteCommand.Record command = record(person);
            recorder.submit(command);
            next.add(command);
        }
        next.forEach(command -> command.done().join());

        assertThat(batchSizes).containsExactly(1, 5);
    }

    @Test
    void aGatherIntervalSetWhileTheWriterRunsAppliesFromTheNextBatch() {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CheckinProperties properties = properties(64, Duration.ofSeconds(30), Duration.ZERO);
        GatherInterval interval = new GatherInterval(properties);
        recorder = new GroupCommitRecorder(committingInto(batchSizes), stats, clock, properties, interval);
        recorder.start();
        recorder.record(NewCheckin.scan(1, 1, NOW));

        interval.set(Duration.ofMillis(400));
        recorder.record(NewCheckin.scan(2, 1, NOW)); // its batch starts the interval
        List<WriteCommand.Record> next = new ArrayList<>();
        for (long person = 3; person <= 7; person++) {
            WriteCommand.Record command = record(person);
            recorder.submit(command);
            next.add(command);
        }
        next.forEach(command -> command.done().join());

        assertThat(batchSizes).containsExactly(1, 1, 5);
        assertThatThrownBy(() -> interval.set(Duration.ofMillis(1001))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interval.set(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(interval.get()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aCheckinAfterAQuietSpellIsWrittenAtOnceNotHeldForTheGatherInterval() {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        // an ack timeout far below the interval: a check-in that waited for the interval would get 503
        recorder = started(committingInto(batchSizes),
                properties(64, Duration.ofMillis(500), Duration.ofSeconds(1)));

        assertThat(recorder.record(NewCheckin.scan(1, 1, NOW)).checkin().id()).isEqualTo(7);
        assertThat(batchSizes).containsExactly(1);
    }

    @Test
    void aGatherIntervalOutsideZeroToOneSecondIsRefusedAtStart() {
        assertThatThrownBy(() -> properties(8, Duration.ofSeconds(1), Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gather-interval");
        assertThatThrownBy(() -> properties(8, Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gather-interval");
    }

    private GroupCommitRecorder started(BatchHandler handler, CheckinProperties properties) {
        GroupCommitRecorder started = new GroupCommitRecorder(handler, stats, clock, properties, new GatherInterval(properties));
        started.start();
        return started;
    }

    private static WriteCommand.Record record(long person) {
        return new WriteCommand.Record(List.of(NewCheckin.scan(person, 1, NOW)));
    }

    private static CheckinProperties properties(int queueCapacity, Duration ackTimeout) {
        return properties(queueCapacity, ackTimeout, Duration.ZERO);
    }

    private static CheckinProperties properties(int queueCapacity, Duration ackTimeout, Duration gatherInterval) {
        return new CheckinProperties(Duration.ofMinutes(30), Duration.ofDays(28), 512, queueCapacity, ackTimeout,
                Duration.ofMinutes(5), 1_000, 5_000, 7, gatherInterval);
    }
}
