package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeCommitsTests {

    @Test
    void aWaiterIsReleasedAtTheNextFakeCommitNotBefore() throws Exception {
        FakeCommits commits = new FakeCommits(Duration.ofMillis(500));
        try {
            long started = System.nanoTime();
            CompletableFuture<Void> done = commits.next();
            done.get(5, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
            CompletableFuture<Void> next = commits.next();
            assertThat(next).isNotDone();
        } finally {
            commits.stop();
        }
    }

    @Test
    void stoppingReleasesEveryWaiterAndLaterOnesAtOnce() throws Exception {
        FakeCommits commits = new FakeCommits(Duration.ofHours(1));
        CompletableFuture<Void> waiting = commits.next();
        assertThat(waiting).isNotDone();

        commits.stop();

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(commits.next()).isDone();
    }
}
