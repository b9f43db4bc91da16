package org.jiaxing.code.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Current code generation per venue. A venue without a row is at generation 1; each reissue bumps the
 * number in one atomic upsert, so two simultaneous reissues give two distinct generations.
 */
@Repository
public class Generations {

    /** The venue's current generation and, when it came from a reissue, who did it and when. */
    public record Current(long venueId, int generation, String reissuedBy, Instant reissuedAt) {

        static Current initial(long venueId) {
            return new Current(venueId, 1, null, null);
        }
    }

    private final JdbcClient jdbc;

    public Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Current current(long venueId) {
        return jdbc.sql("SELECT venue_id, generation, reissued_by, reissued_at FROM venue_code_generation WHERE venue_id = :venue")
                .param("venue", venueId)
                .query((rs, row) -> new Current(rs.getLong("venue_id"), rs.getInt("generation"), rs.getString("reissued_by"),
                        DbTime.fromDb(rs.getLong("reissued_at"))))
                .optional().orElseGet(() -> Current.initial(venueId));
    }

    public int generationOf(long venueId) {
        return jdbc.sql("SELECT generation FROM venue_code_generation WHERE venue_id = :venue").param("venue", venueId)
                .query(Integer.class).optional().orElse(1);
    }

    /** Generations of every reissued venue; venues missing from the map are at generation 1. */
    public Map<Long, Integer> reissued() {
        Map<Long, Integer> generations = new HashMap<>();
        jdbc.sql("SELECT venue_id, generation FROM venue_code_generation")
                .query(rs -> {
                    generations.put(rs.getLong("venue_id"), rs.getInt("generation"));
                });
        return generations;
    }

    /** @return the new generation */
    public int bump(long venueId, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO venue_code_generation (venue_id, generation, reissued_by, reissued_at)
                VALUES (:venue, 2, :by, :at)
                ON CONFLICT (venue_id) DO UPDATE SET generation = venue_code_generation.generation + 1,
                    reissued_by = excluded.reissued_by, reissued_at = excluded.reissued_at
                RETURNING generation""")
                .param("venue", venueId).param("by", by).param("at", DbTime.toDb(at))
                .query(Integer.class).single();
    }
}
