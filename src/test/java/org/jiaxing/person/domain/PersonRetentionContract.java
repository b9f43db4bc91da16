package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly person purge on the injected clock: who goes after 28 days and who stays. */
abstract class PersonRetentionContract {

    @Autowired PersonRetention retention;
    @Autowired Persons persons;
    @Autowired HealthStatuses health;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void deletesOnlyPersonsWithNothingLeftAfterTheRetentionPeriod() {
        clock.set(Instant.parse("2026-03-01T02:00:00Z"));
        long forgotten = register("陈静", "33048219850101001");
        long visitor = register("沈杰", "33048219850101002");
        long isolated = register("王红", "33048219850101003");
        long recovered = register("李强", "33048219850101004");
        long companion = register("李小", "33048220150101005");
        jdbc.sql("INSERT INTO person_companion (owner_id, companion_id, added_at) VALUES (:o, :c, 0)")
                .param("o", recovered).param("c", companion).update();
        health.assign(isolated, HealthColour.RED, "密接", null, "tracer");
        health.assign(recovered, HealthColour.YELLOW, "次密接", clock.instant().plus(Duration.ofDays(7)), "tracer");

        clock.advance(Duration.ofDays(20));
        checkIn(visitor);
        long lateComer = register("周敏", "33048219850101006");

        clock.advance(Duration.ofDays(9)); // day 29: the first registrations are past 28 days
        int deleted = retention.purge();

        assertThat(deleted).isEqualTo(3);
        assertThat(persons.find(forgotten)).isEmpty();
        assertThat(persons.find(recovered)).isEmpty();
        assertThat(persons.find(companion)).isEmpty();
        assertThat(persons.find(visitor)).as("checked in 9 days ago").isPresent();
        assertThat(persons.find(isolated)).as("RED without end").isPresent();
        assertThat(persons.find(lateComer)).as("registered 9 days ago").isPresent();
        assertThat(count("health_status WHERE person_id = " + recovered)).isZero();
        assertThat(count("health_status_history WHERE person_id = " + recovered)).isZero();
        assertThat(count("person_companion WHERE owner_id = " + recovered)).isZero();
        assertThat(health.current(recovered)).as("no status left in the health module's memory either")
                .isEqualTo(org.jiaxing.health.HealthStatus.greenByDefault(recovered));
        assertThat(count("audit_entry WHERE action = 'PERSON_RETENTION_PURGE' AND detail LIKE 'deleted=3 %'"))
                .isEqualTo(1);

        clock.advance(Duration.ofDays(20)); // the visitor's check-in is now 29 days old
        long newest = register("吴昊", "33048219850101007");
        assertThat(retention.purge()).isEqualTo(2);
        assertThat(persons.find(visitor)).isEmpty();
        assertThat(persons.find(lateComer)).isEmpty();
        assertThat(persons.find(isolated)).isPresent();
        assertThat(retention.purge()).isZero();

        // SQLite gives the next person MAX(id) + 1: the newest row is kept until a newer one exists, so that
        // no id (which audit entries name) is ever handed to someone else
        clock.advance(Duration.ofDays(29));
        int last = retention.purge();
        assertThat(persons.find(newest).isPresent()).isEqualTo(isSqlite());
        assertThat(last).isEqualTo(isSqlite() ? 0 : 1);
        long next = register("郑雪", "33048219850101008");
        assertThat(next).isGreaterThan(newest);
    }

    @Autowired org.jiaxing.shared.persistence.Database database;

    private boolean isSqlite() {
        return database.isSqlite();
    }

    private long register(String name, String first17) {
        return persons.registerOrUpdate(PersonDetails.of(name, null, first17 + IdNumbers.checkCharacter(first17))).id();
    }

    private void checkIn(long personId) {
        long at = clock.millis();
        jdbc.sql("""
                INSERT INTO checkin (person_id, venue_id, checked_in_at, refused, channel, created_at)
                VALUES (:person, 1, :at, 0, 1, :at)""").param("person", personId).param("at", at).update();
    }

    private long count(String fromWhere) {
        return jdbc.sql("SELECT COUNT(*) FROM " + fromWhere).query(Long.class).single();
    }
}
