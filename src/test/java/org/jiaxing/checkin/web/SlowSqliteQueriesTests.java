package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Requests run on virtual threads; SQLite's driver is JNI and pins a carrier for as long as a query runs. More
 * slow SQLite queries (~0.5 s each, in a loop, on virtual threads like a dashboard's or a tracing run's) than
 * there are carriers must not stall check-ins: their latency stays far below one slow query. Without the
 * carrier gate every carrier is pinned and check-ins wait seconds (docs/DECISIONS.md 39).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.threads.virtual.enabled=true", "jiaxing.bench.enabled=true",
        "jiaxing.checkin.visitor.rate-limit-enabled=false"})
class SlowSqliteQueriesTests {

    /** Counts to a few million in SQLite: CPU inside one JNI call, no rows to fetch. */
    private static final String SLOW = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
            + "SELECT COUNT(*) FROM n";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void checkinsKeepTheirLatencyWhileMoreSlowSqliteQueriesRunThanThereAreCarriers() throws Exception {
        JsonNode setup = new ObjectMapper().readTree(send("/api/v1/bench/setup?venues=2&persons=60", "").body());
        List<String> passes = new ArrayList<>();
        setup.get("visitorPasses").forEach(pass -> passes.add(pass.asString()));
        String warmVenue = setup.get("venueTokens").get(0).asString();
        String measuredVenue = setup.get("venueTokens").get(1).asString();
        // every person and both venues read once (then cached): the measured check-ins need no SQLite read
        for (String pass : passes) {
            assertThat(send("/api/v1/checkins", scan(warmVenue, pass)).statusCode()).isEqualTo(201);
        }
        assertThat(send("/api/v1/checkins", scan(measuredVenue, passes.getFirst())).statusCode()).isEqualTo(201);

        long limit = calibrate();
        long slow = timeSlowQuery(limit);
        assertThat(slow).as("one slow query, ms").isGreaterThanOrEqualTo(300);

        int slowThreads = Runtime.getRuntime().availableProcessors() + 2;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger slowDone = new AtomicInteger();
        List<Thread> loops = new ArrayList<>();
        for (int i = 0; i < slowThreads; i++) {
            loops.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    jdbc.sql(SLOW).param(limit).query(Long.class).single();
                    slowDone.incrementAndGet();
                }
            }));
        }
        Thread.sleep(200);
        List<Long> millis = new ArrayList<>();
        try {
            for (String pass : passes.subList(1, passes.size())) {
                long started = System.nanoTime();
                HttpResponse<String> answer = send("/api/v1/checkins", scan(measuredVenue, pass));
                millis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            }
        } finally {
            stop.set(true);
            for (Thread loop : loops) {
                loop.join();
            }
        }
        Collections.sort(millis);
        long median = millis.get(millis.size() / 2);
        long max = millis.getLast();
        System.out.printf("check-in ms beside %d slow queries of %d ms: median %d, max %d; %d slow queries ran%n",
                slowThreads, slow, median, max, slowDone.get());
        assertThat(slowDone.get()).as("slow queries ran meanwhile").isPositive();
        assertThat(median).as("median check-in ms beside %d-ms queries: %s", slow, millis).isLessThan(slow / 4);
        assertThat(max).as("slowest check-in ms beside %d-ms queries: %s", slow, millis).isLessThan(slow);
    }

    /** A count limit that takes SQLite about half a second here. */
    private long calibrate() {
        long limit = 200_000;
        while (timeSlowQuery(limit) < 100 && limit < 400_000_000) {
            limit *= 2;
        }
        return limit * 5;
    }

    private long timeSlowQuery(long limit) {
        long started = System.nanoTime();
        jdbc.sql(SLOW).param(limit).query(Long.class).single();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private HttpResponse<String> send(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scan(String token, String pass) {
        return "{\"venueToken\":\"" + token + "\",\"visitorPass\":\"" + pass + "\"}";
    }
}
