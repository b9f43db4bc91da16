package org.jiaxing.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.shared.time.DbTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up load: statuses written before this server started (or by another node) reach the door. */
@SpringBootTest
class NotGreenCacheTests {

    @Autowired NotGreenCache cache;
    @Autowired HealthStatuses statuses;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void loadsEveryStatusThatRefusesEntryAndLeavesGreenOut() {
        Instant now = clock.instant();
        long red = stored(HealthColour.RED, now.minus(Duration.ofDays(1)), null);
        long yellow = stored(HealthColour.YELLOW, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)));
        long expired = stored(HealthColour.RED, now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(1)));
        long green = stored(HealthColour.GREEN, now.minus(Duration.ofDays(1)), null);
        assertThat(statuses.current(red).colour()).as("not loaded yet").isEqualTo(HealthColour.GREEN);

        cache.afterSingletonsInstantiated();

        assertThat(statuses.current(red).colour()).isEqualTo(HealthColour.RED);
        assertThat(statuses.current(yellow).colour()).isEqualTo(HealthColour.YELLOW);
        assertThat(statuses.current(expired)).extracting(HealthStatus::colour, HealthStatus::reason)
                .containsExactly(HealthColour.GREEN, HealthStatus.EXPIRED);
        assertThat(statuses.current(green)).isEqualTo(HealthStatus.greenByDefault(green));
    }

    @Test
    void refreshFollowsTheDatabaseBothWays() {
        long id = stored(HealthColour.RED, clock.instant(), null);
        cache.refresh(id);
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.RED);

        jdbc.sql("UPDATE health_status SET colour = 'GREEN' WHERE person_id = :id").param("id", id).update();
        cache.refresh(id);

        assertThat(statuses.current(id)).isEqualTo(HealthStatus.greenByDefault(id));
    }

    /** A row as another server (or an earlier run) left it; ids far from real persons. */
    private long stored(HealthColour colour, Instant since, Instant until) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        jdbc.sql("""
                INSERT INTO health_status (person_id, colour, reason, since, valid_until, assigned_by)
                VALUES (:id, :colour, 'test', :since, :until, 'test')""")
                .param("id", id).param("colour", colour.name()).param("since", DbTime.toDb(since))
                .param("until", DbTime.toDbNullable(until)).update();
        return id;
    }
}
