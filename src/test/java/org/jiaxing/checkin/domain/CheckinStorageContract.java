package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.TestIds;
import org.jiaxing.shared.persistence.Database;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The two access paths and the retention purge, on both databases. */
abstract class CheckinStorageContract {

    private static final ZoneId PINGHU = ZoneId.of("Asia/Shanghai");

    @Autowired CheckinRecorder recorder;
    @Autowired CheckinQueries queries;
    @Autowired RetentionPurge purge;
    @Autowired DayPartitions partitions;
    @Autowired Database database;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired CheckinStore store;

    final long venue = TestIds.venue();
    final long otherVenue = TestIds.venue();
    final long person = TestIds.person();
    final long otherPerson = TestIds.person();

    @Test
    void presencesAtAVenueAndVisitsOfAPersonInAWindowOldestFirst() {
        Instant nine = Instant.parse("2026-03-02T01:00:00Z");
        Instant ten = nine.plus(Duration.ofHours(1));
        Instant eleven = ten.plus(Duration.ofHours(1));
        Checkin atNine = at(person, venue, nine);
        Checkin otherAtTen = at(otherPerson, venue, ten);
        Checkin elsewhereAtTen = at(person, otherVenue, ten);
        Checkin atEleven = at(person, venue, eleven);

        assertThat(queries.atVenue(venue, nine, eleven)).containsExactly(atNine, otherAtTen);
        assertThat(queries.atVenue(venue, nine, eleven.plusMillis(1))).containsExactly(atNine, otherAtTen, atEleven);
        assertThat(queries.atVenue(venue, nine.plusMillis(1), eleven)).containsExactly(otherAtTen);
        assertThat(queries.ofPerson(person, nine, eleven.plusMillis(1))).containsExactly(atNine, elsewhereAtTen,
                atEleven);
        assertThat(queries.ofPerson(person, ten, eleven)).containsExactly(elsewhereAtTen);
        assertThat(queries.ofPerson(TestIds.person(), nine, eleven)).isEmpty();
    }

    @Test
    void aQueryShowsCheckOutsAndExtendedStays() {
        Instant nine = Instant.parse("2026-03-02T01:00:00Z");
        Checkin checkin = at(person, venue, nine);
        clock.set(nine.plus(Duration.ofMinutes(10)));
        recorder.record(NewCheckin.scan(person, venue, clock.instant()));
        clock.set(nine.plus(Duration.ofMinutes(40)));
        recorder.checkOut(checkin.id(), person);

        Checkin read = queries.atVenue(venue, nine, nine.plusSeconds(1)).getFirst();
        assertThat(read.lastSeenAt()).isEqualTo(nine.plus(Duration.ofMinutes(10)));
        assertThat(read.checkedOutAt()).isEqualTo(nine.plus(Duration.ofMinutes(40)));
        assertThat(read.lastKnownPresence()).isEqualTo(read.checkedOutAt());
    }

    @Test
    void thePurgeDeletesWhatCheckedInMoreThanTheRetentionAgo() {
        // 2026-02-02 in Pinghu: 01:00 is within a day that will lie wholly before the cutoff,
        // 23:30 the next evening lies on the cutoff's day, and 02:00 after is just inside the retention
        Instant oldDay = LocalDate.of(2026, 2, 2).atTime(1, 0).atZone(PINGHU).toInstant();
        Instant cutoffDayEarly = LocalDate.of(2026, 2, 3).atTime(0, 30).atZone(PINGHU).toInstant();
        Instant cutoff = LocalDate.of(2026, 2, 3).atTime(2, 0).atZone(PINGHU).toInstant();
        Checkin old = at(person, venue, oldDay);
        Checkin beforeCutoff = at(otherPerson, venue, cutoffDayEarly);
        Checkin atCutoff = at(person, otherVenue, cutoff);
        Checkin justAfter = at(otherPerson, otherVenue, cutoff.plusMillis(1));

        clock.set(cutoff.plus(Duration.ofDays(28)));
        purge.purge();

        assertThat(queries.ofPerson(person, oldDay.minusSeconds(1), clock.instant())).containsExactly(atCutoff);
        assertThat(queries.ofPerson(otherPerson, oldDay.minusSeconds(1), clock.instant())).containsExactly(justAfter);
        assertThat(old.id()).isNotEqualTo(beforeCutoff.id());
        if (!database.isSqlite()) {
            assertThat(partitions.existingDays()).doesNotContain(LocalDate.of(2026, 2, 2))
                    .contains(LocalDate.of(2026, 2, 3));
        }
    }

    Checkin at(long personId, long venueId, Instant time) {
        clock.set(time);
        return recorder.record(NewCheckin.scan(personId, venueId, time)).checkin();
    }

    /**
     * The writer keeps one connection for hours; on PostgreSQL it must plan each statement with its values, or a
     * generic plan cached while today's partition was empty keeps scanning it whole as it grows (seen in the
     * check-in benchmark: batches of 150-400 ms after ~3 M rows). Given back, the connection is as before.
     */
    @Test
    void theWritersOwnConnectionIsTunedAndGivenBackAsItWas() throws Exception {
        try (java.sql.Connection connection = store.dataSource().getConnection()) {
            store.tuneWriterConnection(connection);
            assertThat(setting(connection)).isEqualTo(database.isSqlite() ? String.valueOf(CheckinStore.WRITER_AUTOCHECKPOINT_PAGES) : "force_custom_plan");
            store.resetWriterConnection(connection);
            assertThat(setting(connection)).isEqualTo(database.isSqlite() ? "1000" : "auto");
        }
    }

    private String setting(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(
                        database.isSqlite() ? "PRAGMA wal_autocheckpoint" : "SHOW plan_cache_mode")) {
            result.next();
            return result.getString(1);
        }
    }
}
