package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaxing.checkin.MutableClockConfiguration;
import org.jiaxing.checkin.RecordedEvents;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The writer's batch statement on PostgreSQL, as the writer's connection plans it (a custom plan per execution):
 * the update of earlier stays must be pruned to the partitions of the batch's check-in times at plan time. Planned
 * over every daily partition it cost ~2-3 ms of the database's CPU per batch (EXPLAIN ANALYZE, 38 partitions),
 * more than the rest of the batch together.
 */
@SpringBootTest
@PostgresTest
@Import({MutableClockConfiguration.class, RecordedEvents.class})
class PostgresBatchPlanTests {

    private static final Pattern PARTITION = Pattern.compile("\\bcheckin_(p\\d{8}|default)\\b");

    @Autowired CheckinStore store;
    @Autowired DayPartitions partitions;
    @Autowired MutableClock clock;

    @Test
    void theUpdateOfEarlierStaysIsPlannedOnlyOverTheirDaysPartitions() throws Exception {
        long now = clock.millis();
        partitions.ensure(clock.instant());
        try (Connection connection = store.dataSource().getConnection()) {
            store.tuneWriterConnection(connection);
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (COSTS OFF) " + PostgresBatch.WRITE)) {
                int p = 1;
                for (String type : new String[] {"int8", "int8", "int8", "int8", "int8", "int2", "int2", "varchar",
                        "int8", "int8"}) {
                    explain.setArray(p++, connection.createArrayOf(type, new Object[0]));
                }
                explain.setArray(p++, connection.createArrayOf("int8", new Long[] {1L}));
                explain.setArray(p++, connection.createArrayOf("int8", new Long[] {now}));
                explain.setArray(p++, connection.createArrayOf("int8", new Long[] {now + 1}));
                explain.setArray(p++, connection.createArrayOf("int8", new Long[] {null}));
                explain.setLong(p++, now);
                explain.setLong(p, now);
                Set<String> planned = new TreeSet<>();
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        Matcher partition = PARTITION.matcher(plan.getString(1));
                        while (partition.find()) {
                            planned.add(partition.group());
                        }
                    }
                }
                assertThat(planned).as("partitions in the plan").hasSize(1);
                assertThat(planned.iterator().next()).startsWith("checkin_p");
            } finally {
                store.resetWriterConnection(connection);
            }
        }
    }
}
