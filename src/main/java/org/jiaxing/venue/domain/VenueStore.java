package org.jiaxing.venue.domain;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.jiaxing.shared.time.DbTime;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writing venues. Callers validate first; this class only stores. */
@Repository
class VenueStore {

    private static final String COLUMNS = """
            code, name, category_code, town_code, address, longitude, latitude, contact_name, contact_phone,
            opening_hours, expected_daily_visitors""";
    private static final String VALUES = """
            :code, :name, :category, :town, :address, :longitude, :latitude, :contactName, :contactPhone,
            :openingHours, :visitors""";
    private static final String SET_FIELDS = """
            code = :code, name = :name, category_code = :category, town_code = :town, address = :address,
            longitude = :longitude, latitude = :latitude, contact_name = :contactName, contact_phone = :contactPhone,
            opening_hours = :openingHours, expected_daily_visitors = :visitors, updated_at = :now""";
    private static final String UPSERT = "INSERT INTO venue (" + COLUMNS + ", status, created_at, updated_at) VALUES ("
            + VALUES + ", :status, :now, :now) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
            + " category_code = excluded.category_code, town_code = excluded.town_code, address = excluded.address,"
            + " longitude = excluded.longitude, latitude = excluded.latitude, contact_name = excluded.contact_name,"
            + " contact_phone = excluded.contact_phone, opening_hours = excluded.opening_hours,"
            + " expected_daily_visitors = excluded.expected_daily_visitors, updated_at = excluded.updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    VenueStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(VenueDraft draft, Instant now) {
        return jdbc.sql("INSERT INTO venue (" + COLUMNS + ", status, created_at, updated_at) VALUES (" + VALUES
                        + ", :status, :now, :now) RETURNING id")
                .paramSource(params(draft, VenueStatus.ACTIVE, now)).query(Long.class).single();
    }

    void update(long id, VenueDraft draft, Instant now) {
        jdbc.sql("UPDATE venue SET " + SET_FIELDS + " WHERE id = :id")
                .paramSource(params(draft, null, now).addValue("id", id)).update();
    }

    void changeStatus(long id, VenueStatus status, Instant now) {
        jdbc.sql("UPDATE venue SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name()).param("now", DbTime.toDb(now)).param("id", id).update();
    }

    /**
     * Inserts new codes and updates existing ones, as one JDBC batch per kind: thousands of rows in
     * well under a second on SQLite when the caller's transaction wraps it. A row's status, when
     * given, is set on insert and update; otherwise new venues are ACTIVE and existing ones keep theirs.
     */
    void upsert(List<Upsert> rows, Instant now) {
        List<MapSqlParameterSource> keepStatus = rows.stream().filter(row -> row.status() == null)
                .map(row -> params(row.draft(), VenueStatus.ACTIVE, now)).toList();
        List<MapSqlParameterSource> setStatus = rows.stream().filter(row -> row.status() != null)
                .map(row -> params(row.draft(), row.status(), now)).toList();
        if (!keepStatus.isEmpty()) {
            batch.batchUpdate(UPSERT, keepStatus.toArray(MapSqlParameterSource[]::new));
        }
        if (!setStatus.isEmpty()) {
            batch.batchUpdate(UPSERT + ", status = excluded.status", setStatus.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** One row of {@link #upsert}; {@code status} {@code null} means "ACTIVE if new, unchanged if not". */
    record Upsert(VenueDraft draft, VenueStatus status) {
    }

    private static MapSqlParameterSource params(VenueDraft draft, VenueStatus status, Instant now) {
        // explicit SQL types, so that NULLs bind the same way on SQLite and PostgreSQL
        return new MapSqlParameterSource()
                .addValue("code", draft.code(), Types.VARCHAR)
                .addValue("name", draft.name(), Types.VARCHAR)
                .addValue("category", draft.categoryCode(), Types.VARCHAR)
                .addValue("town", draft.townCode(), Types.VARCHAR)
                .addValue("address", draft.address(), Types.VARCHAR)
                .addValue("longitude", draft.longitude(), Types.DOUBLE)
                .addValue("latitude", draft.latitude(), Types.DOUBLE)
                .addValue("contactName", draft.contactName(), Types.VARCHAR)
                .addValue("contactPhone", draft.contactPhone(), Types.VARCHAR)
                .addValue("openingHours", draft.openingHours(), Types.VARCHAR)
                .addValue("visitors", draft.expectedDailyVisitors(), Types.INTEGER)
                .addValue("status", status == null ? null : status.name(), Types.VARCHAR)
                .addValue("now", DbTime.toDb(now), Types.BIGINT);
    }
}
