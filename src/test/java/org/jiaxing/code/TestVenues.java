package org.jiaxing.code;

import java.util.concurrent.atomic.AtomicInteger;
import org.jiaxing.venue.VenueStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Venues for code tests, inserted straight into the venue table (the code module only reads venues,
 * through VenueDirectory). Codes are unique per call so tests sharing a context don't collide.
 * Coordinates and visitors are filled in: VenueRepository (venue module, at the time of writing)
 * cannot read NULL doubles from SQLite with getObject(..., Double.class).
 */
final class TestVenues {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;

    TestVenues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long hospitalInDanghu() {
        return add("平湖市第一人民医院", "MEDICAL", "danghu", VenueStatus.ACTIVE);
    }

    long supermarketInGuangchen() {
        return add("广陈镇联华超市", "SUPERMARKET", "guangchen", VenueStatus.ACTIVE);
    }

    long add(String name, String category, String town, VenueStatus status) {
        String code = "T-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        return jdbc.sql("""
                INSERT INTO venue (code, name, category_code, town_code, address, longitude, latitude,
                                   expected_daily_visitors, status, created_at, updated_at)
                VALUES (:code, :name, :category, :town, :address, 121.01, 30.70, 500, :status, 0, 0) RETURNING id""")
                .param("code", code).param("name", name).param("category", category).param("town", town)
                .param("address", "平湖市" + name + "路 " + SEQUENCE.get() + " 号").param("status", status.name())
                .query(Long.class).single();
    }

    void changeStatus(long venueId, VenueStatus status) {
        jdbc.sql("UPDATE venue SET status = :status WHERE id = :id").param("status", status.name()).param("id", venueId)
                .update();
    }

    String codeOf(long venueId) {
        return jdbc.sql("SELECT code FROM venue WHERE id = :id").param("id", venueId).query(String.class).single();
    }
}
