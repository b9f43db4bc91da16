package org.jiaxing.tracing.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.InvalidInvestigation.Problem;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category parameters of the contact rules: the venue module's defaults, overridden per category by
 * the city (CITY_ADMIN, audited). Each investigation takes a snapshot ({@link #ruleBook()}).
 */
@Service
public class TracingRules {

    static final String CHANGE = "TRACING_RULE_CHANGE";
    static final int MAX_MINUTES = 7 * 24 * 60;

    private final JdbcClient jdbc;
    private final VenueDirectory venues;
    private final AuditLog audit;
    private final TracingProperties properties;
    private final Clock clock;

    TracingRules(JdbcClient jdbc, VenueDirectory venues, AuditLog audit, TracingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.venues = venues;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every category in the venue module's order, with the parameters in effect. */
    public List<CategoryRule> all() {
        Map<String, CategoryRule> overrides = new HashMap<>();
        List<VenueCategory> categories = venues.categories();
        Map<String, VenueCategory> byCode = new HashMap<>();
        categories.forEach(category -> byCode.put(category.code(), category));
        jdbc.sql("""
                SELECT category_code, dwell_minutes, close_minutes, linger_minutes, updated_by, updated_at
                FROM tracing_rule""")
                .query((rs, row) -> {
                    VenueCategory category = byCode.get(rs.getString("category_code"));
                    return category == null ? null : new CategoryRule(category, rs.getInt("dwell_minutes"),
                            rs.getInt("close_minutes"), rs.getInt("linger_minutes"), true, rs.getString("updated_by"),
                            DbTime.fromDb(rs.getLong("updated_at")));
                })
                .list().stream().filter(rule -> rule != null)
                .forEach(rule -> overrides.put(rule.category().code(), rule));
        List<CategoryRule> rules = new ArrayList<>();
        for (VenueCategory category : categories) {
            rules.add(overrides.getOrDefault(category.code(), new CategoryRule(category, category.dwellMinutes(),
                    category.closeMinutes(), category.lingerMinutes(), false, null, null)));
        }
        return rules;
    }

    public Optional<CategoryRule> find(String code) {
        return all().stream().filter(rule -> rule.category().code().equals(code)).findFirst();
    }

    /**
     * Sets a category's parameters, with a reason, audited with the old and new values.
     *
     * @throws InvalidInvestigation for an unknown category, out-of-range minutes or a missing reason
     */
    @Transactional
    public CategoryRule update(String code, Integer dwell, Integer close, Integer linger, String reason, String actor) {
        CategoryRule before = find(code)
                .orElseThrow(() -> InvalidInvestigation.of("category", "tracing.error.rule.category", String.valueOf(code)));
        List<Problem> problems = new ArrayList<>();
        check(problems, "dwellMinutes", dwell, 1);
        check(problems, "closeMinutes", close, 1);
        check(problems, "lingerMinutes", linger, 0);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(Problem.of("reason", 0, "tracing.error.reason.required"));
        } else if (why.length() > AuditEntry.MAX_REASON) {
            problems.add(Problem.of("reason", 0, "tracing.error.reason.tooLong", AuditEntry.MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO tracing_rule (category_code, dwell_minutes, close_minutes, linger_minutes, updated_by, updated_at)
                VALUES (:code, :dwell, :close, :linger, :actor, :at)
                ON CONFLICT (category_code) DO UPDATE SET dwell_minutes = excluded.dwell_minutes,
                    close_minutes = excluded.close_minutes, linger_minutes = excluded.linger_minutes,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("code", code).param("dwell", dwell).param("close", close).param("linger", linger)
                .param("actor", actor).param("at", DbTime.toDb(now)).update();
        audit.record(new AuditEntry(actor, CHANGE, "venue_category", code, why,
                "dwell %d->%d close %d->%d linger %d->%d".formatted(before.dwellMinutes(), dwell, before.closeMinutes(),
                        close, before.lingerMinutes(), linger)));
        return new CategoryRule(before.category(), dwell, close, linger, true, actor, now);
    }

    private static void check(List<Problem> problems, String field, Integer value, int min) {
        if (value == null) {
            problems.add(Problem.of(field, 0, "tracing.error.rule.required"));
        } else if (value < min || value > MAX_MINUTES) {
            problems.add(Problem.of(field, 0, "tracing.error.rule.range", min, MAX_MINUTES));
        }
    }

    /** The rules as they are now, for one run: a venue's category is looked up once per run. */
    public RuleBook ruleBook() {
        Map<String, VenueRule> byCategory = new HashMap<>();
        long longestDwell = 0;
        for (CategoryRule rule : all()) {
            byCategory.put(rule.category().code(), rule.rule());
            longestDwell = Math.max(longestDwell, rule.rule().dwell());
        }
        long lookback = Math.max(longestDwell, properties.maxStay().toSeconds());
        VenueRule fallback = byCategory.getOrDefault("OTHER", VenueRule.ofMinutes(60, 15, 30));
        return new Snapshot(byCategory, fallback, lookback, venues);
    }

    private static final class Snapshot implements RuleBook {

        private final Map<String, VenueRule> byCategory;
        private final VenueRule fallback;
        private final long lookback;
        private final VenueDirectory venues;
        private final Map<Long, VenueRule> byVenue = new HashMap<>();

        Snapshot(Map<String, VenueRule> byCategory, VenueRule fallback, long lookback, VenueDirectory venues) {
            this.byCategory = byCategory;
            this.fallback = fallback;
            this.lookback = lookback;
            this.venues = venues;
        }

        @Override
        public VenueRule forVenue(long venueId) {
            return byVenue.computeIfAbsent(venueId, id -> venues.findById(id).map(Venue::category)
                    .map(category -> byCategory.getOrDefault(category.code(), fallback)).orElse(fallback));
        }

        @Override
        public long lookback() {
            return lookback;
        }
    }
}
