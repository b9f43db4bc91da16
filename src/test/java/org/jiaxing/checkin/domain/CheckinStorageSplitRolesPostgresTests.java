package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.checkin.MutableClockConfiguration;
import org.jiaxing.checkin.RecordedEvents;
import org.jiaxing.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.dao.DataAccessException;

/**
 * The production split on PostgreSQL: Flyway migrates as an owner role, the application runs as a role
 * with row rights only. The inherited contract shows the application still works (check-ins, day
 * partitions created ahead, the purge dropping whole days); the tests here show what that role may not do.
 */
@SpringBootTest(properties = "jiaxing.test.split-roles=true")
@PostgresTest
@Import({MutableClockConfiguration.class, RecordedEvents.class})
// no other class shares this context: closing it at once gives its connections back and drops its roles
@DirtiesContext
class CheckinStorageSplitRolesPostgresTests extends CheckinStorageContract {

    /** SQLSTATE insufficient_privilege: "permission denied …" and "must be owner of …". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired AuditLog audit;
    @Value("${spring.datasource.username}") String appRole;
    @Value("${jiaxing.test.owner-role}") String ownerRole;

    @Test
    void theApplicationRunsAsItsOwnRoleAndTheOwnerOwnsTheTables() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(appRole);
        assertThat(ownerOf("checkin")).isEqualTo(ownerRole);
        assertThat(appRole).isNotEqualTo(ownerRole);
    }

    @Test
    void theApplicationCreatesDayPartitionsAheadThroughTheOwnersFunction() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofDays(20));

        partitions.ensure(clock.instant());

        assertThat(partitions.existingDays()).contains(today.plusDays(20 + 7));
        assertThat(ownerOf("checkin_p" + today.plusDays(27).toString().replace("-", ""))).isEqualTo(ownerRole);
    }

    @Test
    void theApplicationAppendsToTheAuditTrailButCannotChangeOrDeleteIt() {
        audit.record(AuditEntry.of("tester", "TEST_ACTION", "test", UUID.randomUUID().toString()));
        assertThat(audit.verifyChain().isIntact()).isTrue();

        assertDenied("UPDATE audit_entry SET reason = 'rewritten'");
        assertDenied("DELETE FROM audit_entry");
        assertDenied("TRUNCATE audit_entry");
        assertDenied("UPDATE audit_anchor SET purged_at = 0");
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    @Test
    void theApplicationRoleHasNoDdlRights() {
        assertDenied("CREATE TABLE intruder (id BIGINT)");
        assertDenied("CREATE TABLE checkin_p20990101 PARTITION OF checkin FOR VALUES FROM (4070908800000) TO "
                + "(4070995200000)");
        assertDenied("DROP TABLE checkin_default");
        assertDenied("ALTER TABLE checkin ADD COLUMN intruder BIGINT");
        assertDenied("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change");
        assertDenied("TRUNCATE checkin");
        assertDenied("CREATE INDEX intruder ON checkin (device_id)");
        assertDenied("DELETE FROM flyway_schema_history");
    }

    @Test
    void theDefinerFunctionsTakeOnlyPlausibleDays() {
        // bounds that are not the day named, a span that is not a day, a year that does not fit the name
        assertThatThrownBy(() -> jdbc.sql("SELECT checkin_create_day_partition(DATE '2026-03-10', 0, 86400000)")
                .query(String.class).single()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql(
                "SELECT checkin_create_day_partition(DATE '2026-03-10', 1773072000000, 1773244800000)")
                .query(String.class).single()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql(
                "SELECT checkin_create_day_partition(DATE '1970-01-01', -28800000, 57600000)")
                .query(String.class).single()).isInstanceOf(DataAccessException.class);
        assertThat(partitions.existingDays()).doesNotContain(LocalDate.of(1970, 1, 1));
    }

    private void assertDenied(String sql) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(sqlState(e)).as(sql + ": " + e.getMessage())
                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private String ownerOf(String table) {
        return jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = :name AND schemaname = current_schema()")
                .param("name", table).query(String.class).single();
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
