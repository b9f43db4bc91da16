package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: one partition of {@code checkin} per day of {@code jiaxing.zone}, named
 * {@code checkin_pYYYYMMDD}, created for the whole retention period back (imports of paper registers
 * land in the past) and a week ahead, so the default partition stays empty. The retention purge then
 * drops whole days. Does nothing on SQLite. The DDL itself runs in the SECURITY DEFINER functions of
 * migration V53_1 (owned by the migration role), so the application's own role needs no DDL rights; they
 * take dates and bounds only and build the partition names themselves.
 */
@Component
class DayPartitions {

    private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);
    private static final DateTimeFormatter NAME_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern NAME = Pattern.compile("checkin_p(\\d{8})");

    private final JdbcClient jdbc;
    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final CheckinProperties properties;

    DayPartitions(JdbcClient jdbc, Database database, Clock clock, JiaxingProperties platform,
            CheckinProperties properties) {
        this.jdbc = jdbc;
        this.database = database;
        this.clock = clock;
        this.zone = platform.zone();
        this.properties = properties;
    }

    /** Keeps partitions a week ahead even when the server runs for weeks. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT6H")
    void scheduled() {
        ensure(clock.instant());
    }

    /** Creates the missing day partitions around {@code now}. */
    void ensure(Instant now) {
        if (database.isSqlite()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(properties.retention().toDays() + 1);
        LocalDate last = today.plusDays(properties.partitionsAhead());
        Set<LocalDate> existing = existingDays();
        int created = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!existing.contains(day) && create(day)) {
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} check-in day partitions up to {}", created, last);
        }
    }

    /** Drops the partitions whose whole day lies before {@code cutoff}; returns how many. */
    int dropBefore(Instant cutoff) {
        if (database.isSqlite()) {
            return 0;
        }
        // the day holding the cutoff ends after it, every day before it ends at or before it
        LocalDate firstKept = LocalDate.ofInstant(cutoff, zone);
        return jdbc.sql("SELECT checkin_drop_day_partitions_before(:firstKept)").param("firstKept", firstKept)
                .query(Integer.class).single();
    }

    Set<LocalDate> existingDays() {
        List<String> names = jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'checkin'::regclass""").query(String.class).list();
        Set<LocalDate> days = new TreeSet<>();
        for (String name : names) {
            Matcher matcher = NAME.matcher(name);
            if (matcher.matches()) {
                days.add(LocalDate.parse(matcher.group(1), NAME_DAY));
            }
        }
        return days;
    }

    /**
     * Fails (and logs) only when the default partition already holds rows of that day; those rows then
     * stay where they are and are purged by range.
     */
    private boolean create(LocalDate day) {
        try {
            jdbc.sql("SELECT checkin_create_day_partition(:day, :start, :end)").param("day", day)
                    .param("start", start(day).toEpochMilli()).param("end", end(day).toEpochMilli())
                    .query(String.class).single();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not create check-in partition for {}: {}", day, e.getMessage());
            return false;
        }
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
