package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeCommitsTests {

    @Test
    void aWaiterIsReleasedByTheNextCommitNotBefore() {
        // an interval no test outlives: only the test's own commits release anyone
        FakeCommits commits = new FakeCommits(Duration.ofHours(1));
        try {
            CompletableFuture<Void> first = commits.next();
            CompletableFuture<Void> second = commits.next();
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();

            commits.commit();

            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
            assertThat(commits.next()).isNotDone();
        } finally {
            commits.stop();
        }
    }

    @Test
    void theThreadCommitsByItselfEveryInterval() throws Exception {
        FakeCommits commits = new FakeCommits(Duration.ofMillis(3));
        try {
            commits.next().get(10, TimeUnit.SECONDS);
        } finally {
            commits.stop();
        }
    }

    @Test
    void stoppingReleasesEveryWaiterAndLaterOnesAtOnce() {
        FakeCommits commits = new FakeCommits(Duration.ofHours(1));
        try {
            CompletableFuture<Void> waiting = commits.next();
            assertThat(waiting).isNotDone();

            commits.stop();

            assertThat(waiting).isCompleted();
            assertThat(commits.next()).isCompleted();
        } finally {
            commits.stop();
        }
    }
}
