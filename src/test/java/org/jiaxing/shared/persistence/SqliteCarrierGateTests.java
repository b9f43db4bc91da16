package org.jiaxing.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The gate counts virtual threads, not connections, and gives its share back once per connection. */
class SqliteCarrierGateTests {

    @TempDir Path dir;

    private Gated gate(int carriers, long timeoutMillis) throws Exception {
        Files.createDirectories(dir);
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("gate.db"));
        return new Gated(new SqliteCarrierGate(carriers, () -> timeoutMillis), sqlite);
    }

    private record Gated(SqliteCarrierGate gate, SQLiteDataSource sqlite) {

        int size() {
            return gate.size();
        }

        Connection getConnection() throws java.sql.SQLException {
            return gate.open(sqlite::getConnection);
        }
    }

    @Test
    void leavesOneCarrierFreeAndAtLeastOneThreadIn() throws Exception {
        assertThat(gate(2, 100).size()).isEqualTo(1);
        assertThat(gate(8, 100).size()).isEqualTo(7);
        assertThat(gate(1, 100).size()).isEqualTo(1);
    }

    @Test
    void aSecondVirtualThreadWaitsWhileTheFirstHoldsAConnectionAndGetsInAfterItsClose() throws Exception {
        Gated gate = gate(2, 5_000);
        CompletableFuture<Void> firstHolds = new CompletableFuture<>();
        CompletableFuture<Void> firstMayClose = new CompletableFuture<>();
        Thread first = Thread.ofVirtual().start(() -> {
            try (Connection connection = gate.getConnection()) {
                firstHolds.complete(null);
                firstMayClose.get();
            } catch (Exception e) {
                firstHolds.completeExceptionally(e);
            }
        });
        firstHolds.get(5, TimeUnit.SECONDS);
        CompletableFuture<Long> secondGotIn = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Connection connection = gate.getConnection()) {
                secondGotIn.complete(System.nanoTime());
            } catch (Exception e) {
                secondGotIn.completeExceptionally(e);
            }
        });
        Thread.sleep(300);
        assertThat(secondGotIn).isNotDone();

        long released = System.nanoTime();
        firstMayClose.complete(null);
        assertThat(secondGotIn.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(released);
        first.join();
    }

    @Test
    void aThreadThatHoldsAConnectionOpensASecondOneWithoutWaitingForItself() throws Exception {
        Gated gate = gate(2, 500);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try (Connection outer = gate.getConnection(); Connection inner = gate.getConnection()) {
                outcome.set(inner.createStatement().executeQuery("SELECT 42").getInt(1));
            } catch (Exception e) {
                outcome.set(e);
            }
        }).join();
        assertThat(outcome.get()).isEqualTo(42);
        // both closed: the share is back, another thread gets in at once
        Thread.ofVirtual().start(() -> {
            try (Connection again = gate.getConnection()) {
                outcome.set("in");
            } catch (Exception e) {
                outcome.set(e);
            }
        }).join();
        assertThat(outcome.get()).isEqualTo("in");
    }

    @Test
    void closingTwiceGivesTheShareBackOnceAndAFullGateTimesOutLikeAnEmptyPool() throws Exception {
        Gated gate = gate(3, 200);
        AtomicReference<Object> outcome = new AtomicReference<>();
        CompletableFuture<Void> holding = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        // one thread closes its connection twice: it must not free a second share
        Thread.ofVirtual().start(() -> {
            try {
                Connection connection = gate.getConnection();
                connection.close();
                connection.close();
            } catch (Exception e) {
                outcome.set(e);
            }
        }).join();
        assertThat(outcome.get()).isNull();
        // two holders fill the gate of two
        for (int i = 0; i < 2; i++) {
            Thread.ofVirtual().start(() -> {
                try (Connection connection = gate.getConnection()) {
                    holding.complete(null);
                    done.get();
                } catch (Exception e) {
                    holding.completeExceptionally(e);
                }
            });
        }
        holding.get(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        Thread.ofVirtual().start(() -> {
            try (Connection connection = gate.getConnection()) {
                outcome.set("in");
            } catch (Exception e) {
                outcome.set(e);
            }
        }).join();
        done.complete(null);
        assertThat(outcome.get()).isInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void platformThreadsPassWithoutAShare() throws Exception {
        Gated gate = gate(2, 100);
        CompletableFuture<Void> holding = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread holder = Thread.ofVirtual().start(() -> {
            try (Connection connection = gate.getConnection()) {
                holding.complete(null);
                done.get();
            } catch (Exception e) {
                holding.completeExceptionally(e);
            }
        });
        holding.get(5, TimeUnit.SECONDS);
        try (Connection connection = gate.getConnection()) {
            assertThat(connection.createStatement().executeQuery("SELECT 1").getInt(1)).isEqualTo(1);
        } finally {
            done.complete(null);
            holder.join();
        }
    }
}
