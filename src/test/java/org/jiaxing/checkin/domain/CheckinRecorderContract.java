package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.CheckoutRefused;
import org.jiaxing.checkin.InvalidCheckin;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.RecordedEvents;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The write path on both databases: commit before acknowledgement, dedup, refused attempts, check-out. */
abstract class CheckinRecorderContract {

    @Autowired CheckinRecorder recorder;
    @Autowired MutableClock clock;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired RecordedEvents events;

    final long person = TestIds.person();
    final long venue = TestIds.venue();
    final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    @BeforeEach
    void startOfTheMorning() {
        clock.set(t0);
    }

    @Test
    void aCheckinIsCommittedWhenRecordReturns() throws Exception {
        CheckinResult result = recorder.record(NewCheckin.scan(person, venue, t0));

        assertThat(result.duplicate()).isFalse();
        // a connection of its own sees only committed rows
        try (Connection other = dataSource.getConnection();
                PreparedStatement query = other.prepareStatement(
                        "SELECT person_id, venue_id, checked_in_at, refused, channel FROM checkin WHERE id = ?")) {
            query.setLong(1, result.checkin().id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("committed row").isTrue();
                assertThat(row.getLong("person_id")).isEqualTo(person);
                assertThat(row.getLong("venue_id")).isEqualTo(venue);
                assertThat(row.getLong("checked_in_at")).isEqualTo(t0.toEpochMilli());
                assertThat(row.getInt("refused")).isZero();
                assertThat(row.getInt("channel")).isEqualTo(CheckinChannel.SCAN.code());
            }
        }
    }

    @Test
    void theEventArrivesAfterTheCommitAndNotOnTheWriterThread() throws Exception {
        CheckinResult result = recorder.record(NewCheckin.scan(person, venue, t0).asRefused());

        RecordedEvents.Delivery delivery = events.awaitFor(result.checkin().id());
        assertThat(delivery.rowVisible()).isTrue();
        assertThat(delivery.thread()).isEqualTo("checkin-events");
        assertThat(delivery.event().refused()).isTrue();
        assertThat(delivery.event().personId()).isEqualTo(person);
        assertThat(delivery.event().at()).isEqualTo(t0);
    }

    @Test
    void aScanJustInsideTheWindowIsADuplicateThatExtendsTheStayAndOneAtThirtyMinutesIsNew() {
        Checkin first = recorder.record(NewCheckin.scan(person, venue, t0)).checkin();

        Instant justInside = t0.plus(Duration.ofMinutes(29).plusSeconds(59));
        clock.set(justInside);
        CheckinResult again = recorder.record(NewCheckin.scan(person, venue, justInside));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.checkin().id()).isEqualTo(first.id());
        assertThat(again.checkin().checkedInAt()).isEqualTo(t0);
        assertThat(again.checkin().lastSeenAt()).isEqualTo(justInside);
        assertThat(lastSeenAt(first.id())).isEqualTo(justInside.toEpochMilli());

        // the window counts from the check-in, not from the last duplicate: [t0, t0 + 30 min)
        Instant windowEnd = t0.plus(Duration.ofMinutes(30));
        clock.set(windowEnd);
        CheckinResult later = recorder.record(NewCheckin.scan(person, venue, windowEnd));
        assertThat(later.duplicate()).isFalse();
        assertThat(later.checkin().id()).isNotEqualTo(first.id());
        assertThat(rowsOf(person)).isEqualTo(2);
    }

    @Test
    void theSamePersonAtAnotherVenueOrAnotherPersonAtTheVenueIsNoDuplicate() {
        recorder.record(NewCheckin.scan(person, venue, t0));

        assertThat(recorder.record(NewCheckin.scan(person, TestIds.venue(), t0)).duplicate()).isFalse();
        assertThat(recorder.record(NewCheckin.scan(TestIds.person(), venue, t0)).duplicate()).isFalse();
    }

    @Test
    void refusedAttemptsAreAlwaysRecordedAndNeverCountForDedup() {
        CheckinResult refused = recorder.record(NewCheckin.scan(person, venue, t0).asRefused());
        CheckinResult refusedAgain = recorder.record(NewCheckin.scan(person, venue, t0.plusSeconds(60)).asRefused());
        CheckinResult accepted = recorder.record(NewCheckin.scan(person, venue, t0.plusSeconds(120)));
        CheckinResult refusedAfterAccepted = recorder.record(NewCheckin.scan(person, venue, t0.plusSeconds(180))
                .asRefused());

        assertThat(List.of(refused, refusedAgain, accepted, refusedAfterAccepted))
                .extracting(CheckinResult::duplicate).containsOnly(false);
        assertThat(refused.checkin().refused()).isTrue();
        assertThat(accepted.checkin().refused()).isFalse();
        assertThat(rowsOf(person)).isEqualTo(4);
    }

    @Test
    void recordAllDeduplicatesWithinTheListAndKeepsOrder() {
        List<CheckinResult> results = recorder.recordAll(List.of(
                NewCheckin.scan(person, venue, t0).via(CheckinChannel.COMPANION),
                NewCheckin.scan(person, venue, t0.plusSeconds(30)).via(CheckinChannel.COMPANION),
                NewCheckin.scan(TestIds.person(), venue, t0).via(CheckinChannel.COMPANION).fromDevice("kiosk-7")));

        assertThat(results).extracting(CheckinResult::duplicate).containsExactly(false, true, false);
        assertThat(results.get(1).checkin().id()).isEqualTo(results.get(0).checkin().id());
        assertThat(lastSeenAt(results.get(0).checkin().id())).as("extended within its own transaction")
                .isEqualTo(t0.plusSeconds(30).toEpochMilli());
        assertThat(results.get(0).checkin().channel()).isEqualTo(CheckinChannel.COMPANION);
        assertThat(jdbc.sql("SELECT device_id FROM checkin WHERE id = :id").param("id", results.get(2).checkin().id())
                .query(String.class).single()).isEqualTo("kiosk-7");
    }

    @Test
    void checkOutSetsTheTimeOnceAndOnlyForTheOwner() {
        Checkin checkin = recorder.record(NewCheckin.scan(person, venue, t0)).checkin();
        clock.set(t0.plus(Duration.ofMinutes(50)));

        assertThatThrownBy(() -> recorder.checkOut(checkin.id(), TestIds.person()))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.checkoutNotFound");
        assertThatThrownBy(() -> recorder.checkOut(Long.MAX_VALUE - 1, person))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.checkoutNotFound");

        Checkin out = recorder.checkOut(checkin.id(), person);
        assertThat(out.checkedOutAt()).isEqualTo(t0.plus(Duration.ofMinutes(50)));
        assertThat(out.checkedOut()).isTrue();

        clock.set(t0.plus(Duration.ofMinutes(55)));
        assertThatThrownBy(() -> recorder.checkOut(checkin.id(), person))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.alreadyCheckedOut");
        assertThat(jdbc.sql("SELECT checked_out_at FROM checkin WHERE id = :id").param("id", checkin.id())
                .query(Long.class).single()).isEqualTo(t0.plus(Duration.ofMinutes(50)).toEpochMilli());
    }

    @Test
    void aScanAfterCheckingOutIsANewVisitEvenWithinTheWindow() {
        Checkin first = recorder.record(NewCheckin.scan(person, venue, t0)).checkin();
        clock.set(t0.plus(Duration.ofMinutes(5)));
        recorder.checkOut(first.id(), person);

        clock.set(t0.plus(Duration.ofMinutes(10)));
        CheckinResult back = recorder.record(NewCheckin.scan(person, venue, t0.plus(Duration.ofMinutes(10))));

        assertThat(back.duplicate()).isFalse();
        assertThat(back.checkin().id()).isNotEqualTo(first.id());
    }

    @Test
    void aRefusedAttemptCannotBeCheckedOut() {
        Checkin refused = recorder.record(NewCheckin.scan(person, venue, t0).asRefused()).checkin();

        assertThatThrownBy(() -> recorder.checkOut(refused.id(), person))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.checkoutOfRefused");
    }

    @Test
    void timesInTheFutureOrBeyondRetentionAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> recorder.record(NewCheckin.scan(person, venue, t0.plus(Duration.ofMinutes(6)))))
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.inTheFuture");
        assertThatThrownBy(() -> recorder.recordAll(List.of(NewCheckin.scan(person, venue, t0),
                NewCheckin.scan(person, venue, t0.minus(Duration.ofDays(28))))))
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.olderThanRetention");
        assertThatThrownBy(() -> recorder.recordAll(List.of()))
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.empty");
        assertThatThrownBy(() -> NewCheckin.scan(0, venue, t0)).isInstanceOf(InvalidCheckin.class);
        assertThatThrownBy(() -> NewCheckin.scan(person, venue, t0).fromDevice("x".repeat(65)))
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.deviceId");

        assertThat(rowsOf(person)).isZero();
    }

    @Test
    void aVisitRecordedWithItsCheckOutIsStoredClosed() {
        Instant in = t0.minus(Duration.ofHours(3));
        Instant out = in.plus(Duration.ofMinutes(40));

        CheckinResult result = recorder.recordAll(List.of(
                new NewCheckin(person, venue, in, false, CheckinChannel.IMPORT, null).withCheckOutAt(out))).getFirst();

        assertThat(result.checkin().checkedOutAt()).isEqualTo(out);
        assertThat(jdbc.sql("SELECT checked_out_at FROM checkin WHERE id = :id").param("id", result.checkin().id())
                .query(Long.class).single()).isEqualTo(out.toEpochMilli());
        // closed, so a later scan inside its window is a new visit
        assertThat(recorder.record(NewCheckin.scan(person, venue, in.plus(Duration.ofMinutes(50)))).duplicate())
                .isFalse();
    }

    @Test
    void anImportedDuplicateWithACheckOutEndsTheOpenStayInTheSameTransaction() {
        Checkin open = recorder.record(NewCheckin.scan(person, venue, t0)).checkin();
        clock.set(t0.plus(Duration.ofMinutes(50)));

        CheckinResult joined = recorder.recordAll(List.of(new NewCheckin(person, venue, t0.plus(Duration.ofMinutes(5)),
                false, CheckinChannel.IMPORT, null).withCheckOutAt(t0.plus(Duration.ofMinutes(45))))).getFirst();

        assertThat(joined.duplicate()).isTrue();
        assertThat(joined.checkin().id()).isEqualTo(open.id());
        assertThat(jdbc.sql("SELECT checked_out_at FROM checkin WHERE id = :id").param("id", open.id())
                .query(Long.class).single()).isEqualTo(t0.plus(Duration.ofMinutes(45)).toEpochMilli());
        assertThat(lastSeenAt(open.id())).isEqualTo(t0.plus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(rowsOf(person)).isEqualTo(1);
        assertThatThrownBy(() -> recorder.checkOut(open.id(), person))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.alreadyCheckedOut");
    }

    @Test
    void anImportedDuplicateWithACheckOutEndsAStayInsertedByTheSameBatch() {
        clock.set(t0.plus(Duration.ofMinutes(50)));

        List<CheckinResult> results = recorder.recordAll(List.of(
                new NewCheckin(person, venue, t0, false, CheckinChannel.IMPORT, null),
                new NewCheckin(person, venue, t0.plus(Duration.ofMinutes(5)), false, CheckinChannel.IMPORT, null)
                        .withCheckOutAt(t0.plus(Duration.ofMinutes(45)))));

        assertThat(results).extracting(CheckinResult::duplicate).containsExactly(false, true);
        long id = results.get(0).checkin().id();
        assertThat(results.get(1).checkin().id()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT checked_out_at FROM checkin WHERE id = :id").param("id", id)
                .query(Long.class).single()).as("ended within its own batch")
                .isEqualTo(t0.plus(Duration.ofMinutes(45)).toEpochMilli());
        assertThat(lastSeenAt(id)).isEqualTo(t0.plus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(rowsOf(person)).isEqualTo(1);
        assertThatThrownBy(() -> recorder.checkOut(id, person))
                .isInstanceOf(CheckoutRefused.class).hasMessage("checkin.error.alreadyCheckedOut");
    }

    @Test
    void aCheckOutMustFollowTheCheckInAndNotBeInTheFuture() {
        NewCheckin visit = new NewCheckin(person, venue, t0.minus(Duration.ofHours(1)), false, CheckinChannel.IMPORT,
                null);

        assertThatThrownBy(() -> visit.withCheckOutAt(visit.at())).isInstanceOf(InvalidCheckin.class)
                .hasMessage("checkin.error.checkOutNotAfterCheckIn");
        assertThatThrownBy(() -> visit.withCheckOutAt(visit.at().plusSeconds(60)).asRefused())
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.refusedWithCheckOut");
        assertThatThrownBy(() -> recorder.recordAll(List.of(visit.withCheckOutAt(t0.plus(Duration.ofMinutes(6))))))
                .isInstanceOf(InvalidCheckin.class).hasMessage("checkin.error.inTheFuture");
        assertThat(rowsOf(person)).isZero();
    }

    long rowsOf(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM checkin WHERE person_id = :person").param("person", personId)
                .query(Long.class).single();
    }

    long lastSeenAt(long id) {
        return jdbc.sql("SELECT last_seen_at FROM checkin WHERE id = :id").param("id", id).query(Long.class).single();
    }
}
