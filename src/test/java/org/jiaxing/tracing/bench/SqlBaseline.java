package org.jiaxing.tracing.bench;

import java.util.Map;
import java.util.TreeMap;
import org.jiaxing.tracing.domain.ContactLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's baseline for issue 4: the tracing questions as the straightforward hand-written SQL a developer
 * would write on PostgreSQL, one statement per question, the database doing all the work. Presence intervals
 * (rule 1) with {@code LEAD} over each person's check-ins, then joins on the venue. Only check-ins before
 * {@code asOf} count (the engine's "known at asOf"), and only from {@code from - lookback}, the earliest a stay
 * that reaches into the window can start. Category parameters come from {@code venue_category} (the benchmark
 * city has no city overrides). The answers are checked against the engine's, person by person and level by level.
 */
final class SqlBaseline {

    /** Rule 1 for every accepted check-in in [:lo, :asOf), and rule 2 for the case. */
    private static final String INTERVALS = """
            WITH iv AS (
              SELECT c.person_id, c.venue_id, c.checked_in_at / 1000 AS s,
                     LEAST(CASE WHEN c.checked_out_at > c.checked_in_at THEN c.checked_out_at / 1000
                                ELSE c.checked_in_at / 1000 + vc.dwell_minutes * 60 END,
                           COALESCE(LEAD(c.checked_in_at / 1000) OVER (PARTITION BY c.person_id ORDER BY c.checked_in_at),
                                    9223372036854775807)) AS e,
                     vc.close_minutes * 60 AS close_s, vc.linger_minutes * 60 AS linger_s
              FROM checkin c JOIN venue v ON v.id = c.venue_id JOIN venue_category vc ON vc.code = v.category_code
              WHERE c.refused = 0 AND c.checked_in_at >= :lo AND c.checked_in_at < :asOfMillis
            ), p AS (
              SELECT venue_id, GREATEST(s, :wf) AS ps, LEAST(e, :wt) AS pe, close_s, linger_s FROM iv
              WHERE person_id = :case AND GREATEST(s, :wf) < LEAST(e, :wt)
            ), first_degree AS (
              SELECT o.person_id, GREATEST(o.s, p.ps) AS overlap_start,
                     LEAST(o.e, p.pe) - GREATEST(o.s, p.ps) >= p.close_s AS is_close
              FROM iv o JOIN p ON o.venue_id = p.venue_id
              WHERE o.person_id <> :case AND o.s < p.pe + p.linger_s AND o.e > p.ps
            )""";

    private static final String FIRST_DEGREE = INTERVALS + """
            SELECT person_id, MAX(CASE WHEN is_close THEN 1 ELSE 0 END) AS level FROM first_degree GROUP BY person_id""";

    /** Rules 3 to 6: close contacts with s_q, their presences after exposure, who overlapped those. */
    private static final String WITH_SECONDARY = INTERVALS + """
            , close AS (
              SELECT person_id, MIN(overlap_start) AS sq FROM first_degree WHERE is_close GROUP BY person_id
            ), onward AS (
              SELECT iv.venue_id, GREATEST(iv.s, close.sq) AS os, LEAST(iv.e, :asOf) AS oe, iv.close_s
              FROM iv JOIN close ON close.person_id = iv.person_id
              WHERE GREATEST(iv.s, close.sq) < LEAST(iv.e, :asOf)
            ), secondary AS (
              SELECT DISTINCT r.person_id FROM iv r JOIN onward w ON r.venue_id = w.venue_id
              WHERE r.person_id <> :case AND r.person_id NOT IN (SELECT person_id FROM close)
                AND r.s < w.oe AND r.e > w.os AND LEAST(r.e, w.oe) - GREATEST(r.s, w.os) >= w.close_s
            )
            SELECT person_id, 2 AS level FROM close
            UNION ALL SELECT person_id, 1 FROM secondary
            UNION ALL SELECT person_id, 0 FROM first_degree
              WHERE person_id NOT IN (SELECT person_id FROM close) AND person_id NOT IN (SELECT person_id FROM secondary)
              GROUP BY person_id""";

    private final JdbcTemplate jdbc;

    SqlBaseline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** CLOSE and EXPOSED of one case with window [wf, wt), epoch seconds. */
    Map<Long, ContactLevel> firstDegree(long theCase, long wf, long wt, long asOf, long lookback) {
        return levels(FIRST_DEGREE, theCase, wf, wt, asOf, lookback, new ContactLevel[] {ContactLevel.EXPOSED,
                ContactLevel.CLOSE});
    }

    /** CLOSE, SECONDARY and EXPOSED of one case. */
    Map<Long, ContactLevel> withSecondary(long theCase, long wf, long wt, long asOf, long lookback) {
        return levels(WITH_SECONDARY, theCase, wf, wt, asOf, lookback, new ContactLevel[] {ContactLevel.EXPOSED,
                ContactLevel.SECONDARY, ContactLevel.CLOSE});
    }

    private Map<Long, ContactLevel> levels(String sql, long theCase, long wf, long wt, long asOf, long lookback,
            ContactLevel[] byCode) {
        String bound = sql.replace(":lo", Long.toString((wf - lookback) * 1000))
                .replace(":asOfMillis", Long.toString(asOf * 1000)).replace(":asOf", Long.toString(asOf))
                .replace(":wf", Long.toString(wf)).replace(":wt", Long.toString(wt))
                .replace(":case", Long.toString(theCase));
        Map<Long, ContactLevel> result = new TreeMap<>();
        jdbc.query(bound, rs -> {
            result.put(rs.getLong(1), byCode[rs.getInt(2)]);
        });
        return result;
    }
}
