package org.jiaxing.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.health.InvalidHealthStatus.Problem;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** Statuses, expiry, history and audit on both databases, on a clock the tests move. */
@RecordApplicationEvents
abstract class HealthStatusesContract {

    @Autowired HealthStatuses statuses;
    @Autowired Persons persons;
    @Autowired MutableClock clock;
    @Autowired AuditLog audit;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEvents events;

    @Test
    void everyoneIsGreenUntilToldOtherwise() {
        long id = aPerson();

        assertThat(statuses.current(id)).isEqualTo(HealthStatus.greenByDefault(id));
        assertThat(statuses.current(id).refusesEntry()).isFalse();
        assertThat(statuses.current(Long.MAX_VALUE).colour()).as("unknown ids too").isEqualTo(HealthColour.GREEN);
        assertThat(statuses.history(id)).isEmpty();
    }

    @Test
    void anAssignedStatusIsInEffectAtOnceWithHistoryAuditAndEvent() {
        long id = aPerson();
        Instant until = clock.instant().plus(Duration.ofDays(14));

        HealthStatus red = statuses.assign(id, HealthColour.RED, "  密接，案例 7  ", until, "tracer-li");

        assertThat(red).isEqualTo(new HealthStatus(id, HealthColour.RED, "密接，案例 7", clock.instant(), until));
        assertThat(statuses.current(id)).isEqualTo(red);
        assertThat(statuses.current(id).refusesEntry()).isTrue();
        assertThat(statuses.history(id)).containsExactly(red);
        assertThat(events.stream(HealthStatusChanged.class))
                .containsExactly(new HealthStatusChanged(id, HealthColour.GREEN, HealthColour.RED, "密接，案例 7"));
        assertThat(audit.forSubject("person", Long.toString(id))).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("HEALTH_STATUS_CHANGE");
            assertThat(entry.actor()).isEqualTo("tracer-li");
            assertThat(entry.reason()).isEqualTo("密接，案例 7");
            assertThat(entry.detail()).isEqualTo("GREEN->RED until " + until);
        });
    }

    @Test
    void aStatusExpiresByItselfWithoutAnyJob() {
        long id = aPerson();
        Instant until = clock.instant().plus(Duration.ofHours(1));
        statuses.assign(id, HealthColour.YELLOW, "次密接", until, "tracer");

        clock.advance(Duration.ofMinutes(59));
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.YELLOW);

        clock.advance(Duration.ofMinutes(1));
        assertThat(statuses.current(id)).isEqualTo(new HealthStatus(id, HealthColour.GREEN, HealthStatus.EXPIRED, until, null));
        assertThat(statuses.current(List.of(id)).get(id).refusesEntry()).isFalse();

        statuses.assign(id, HealthColour.RED, "确诊", null, "tracer");
        assertThat(events.stream(HealthStatusChanged.class)).last()
                .isEqualTo(new HealthStatusChanged(id, HealthColour.GREEN, HealthColour.RED, "确诊"));
    }

    @Test
    void anOpenEndedStatusStaysUntilChanged() {
        long id = aPerson();
        HealthStatus red = statuses.assign(id, HealthColour.RED, "确诊", null, "tracer");

        clock.advance(Duration.ofDays(400));
        assertThat(statuses.current(id)).isEqualTo(red);

        clock.advance(Duration.ofMinutes(1));
        HealthStatus cleared = statuses.assign(id, HealthColour.GREEN, "解除隔离", null, "city-admin");
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.GREEN);
        assertThat(statuses.history(id)).containsExactly(cleared, red);
        assertThat(events.stream(HealthStatusChanged.class)).last()
                .isEqualTo(new HealthStatusChanged(id, HealthColour.RED, HealthColour.GREEN, "解除隔离"));
    }

    @Test
    void everyBrokenRuleIsReportedAndNothingIsWritten() {
        long id = aPerson();

        assertThatThrownBy(() -> statuses.assign(id, null, " ", clock.instant(), "tracer"))
                .isInstanceOfSatisfying(InvalidHealthStatus.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("colour", "reason", "until"));
        assertThatThrownBy(() -> statuses.assign(id, HealthColour.RED, "x".repeat(501), null, "tracer"))
                .isInstanceOfSatisfying(InvalidHealthStatus.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("health.error.reason.tooLong"));
        assertThat(statuses.assign(id, HealthColour.RED, "x".repeat(500), null, "tracer").reason()).hasSize(500);

        assertThat(statuses.history(id)).hasSize(1);
        assertThat(audit.forSubject("person", Long.toString(id))).hasSize(1);
    }

    @Test
    void anUnknownPersonCannotBeGivenAStatus() {
        assertThatThrownBy(() -> statuses.assign(Long.MAX_VALUE, HealthColour.RED, "确诊", null, "tracer"))
                .isInstanceOf(PersonNotFound.class);
    }

    @Test
    void aRolledBackAssignmentNeverReachesTheDoor() {
        long id = aPerson();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            statuses.assign(id, HealthColour.RED, "确诊", null, "tracer");
            throw new IllegalStateException("the tracing run failed half-way");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(statuses.current(id)).isEqualTo(HealthStatus.greenByDefault(id));
        assertThat(statuses.history(id)).isEmpty();
        assertThat(audit.forSubject("person", Long.toString(id))).extracting(AuditRecord::action).isEmpty();
    }

    @Test
    void anAssignmentInsideALargerTransactionShowsAfterItCommits() {
        long a = aPerson();
        long b = aPerson();

        transactions.executeWithoutResult(status -> {
            statuses.assign(a, HealthColour.RED, "密接", null, "tracing");
            statuses.assign(b, HealthColour.YELLOW, "次密接", null, "tracing");
        });

        Map<Long, HealthStatus> now = statuses.current(List.of(a, b, Long.MAX_VALUE));
        assertThat(now).containsOnlyKeys(a, b, Long.MAX_VALUE);
        assertThat(now.get(a).colour()).isEqualTo(HealthColour.RED);
        assertThat(now.get(b).colour()).isEqualTo(HealthColour.YELLOW);
        assertThat(now.get(Long.MAX_VALUE).colour()).isEqualTo(HealthColour.GREEN);
    }

    private long aPerson() {
        return persons.registerOrUpdate(TestPersons.details("健康检查")).id();
    }
}
