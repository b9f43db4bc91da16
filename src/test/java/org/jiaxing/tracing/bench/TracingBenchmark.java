package org.jiaxing.tracing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jiaxing.tracing.domain.CaseWindow;
import org.jiaxing.tracing.domain.ContactLevel;
import org.jiaxing.tracing.domain.ContactTracer;
import org.jiaxing.tracing.domain.Presences;
import org.jiaxing.tracing.domain.RuleBook;
import org.jiaxing.tracing.domain.TraceResult;
import org.jiaxing.tracing.domain.TracingRules;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tracing benchmark of issue 4 (not a test: run by name, see docs/PERFORMANCE.md). Times through the
 * application's own beans (CheckinQueries, rules snapshot, engine): one case first degree (CLOSE+EXPOSED), one
 * case with SECONDARY, and a cluster; on PostgreSQL also a straightforward hand-written SQL query for the
 * first-degree question, checked to give the same persons. Two modes:
 * <ul>
 * <li>on a city generated beforehand by bench/generate-city.sh ({@code -Dbench.reuse=true -Dbench.url=…
 * -Dbench.data-dir=…}, see support/TestDatabaseInitializer; bench/run-tracing-bench.sh does it): the scale,
 * cases drawn among the persons with check-ins in the window, the window ending a day before now;</li>
 * <li>in context (default): a small city ({@code -Dbench.persons}, {@code -Dbench.days}) generated here on made-up
 * venues and loaded with JDBC batches into the test's fresh database; a quick check of the harness.</li>
 * </ul>
 */
abstract class TracingBenchmark {

    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final int BASELINE_CASES = Integer.getInteger("bench.baseline-cases", 10);
    static final int PERSONS = Integer.getInteger("bench.persons", 20_000);
    static final int DAYS = Integer.getInteger("bench.days", 7);
    static final int VENUES = Integer.getInteger("bench.venues", 4_421);
    static final int CASES = Integer.getInteger("bench.cases", 40);
    static final int CLUSTER = Integer.getInteger("bench.cluster", 100);
    static final long FIRST_PERSON = 5_000_000_000L;
    static final List<String> TOWNS = List.of("danghu", "zhongdai", "caoqiao", "zhapu", "xindai", "xincang",
            "dushangang", "lindai", "guangchen");

    @Autowired org.jiaxing.person.Persons persons;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired JdbcTemplate jdbc;
    @Autowired Presences presences;
    @Autowired org.jiaxing.checkin.PresenceIndex presenceIndex;
    @Autowired TracingRules rules;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    abstract boolean postgres();

    private final List<String[]> table = new ArrayList<>();

    @Test
    void benchmark() {
        long asOf;
        SplittableRandom random = new SplittableRandom(7);
        Supplier<Long> anyCase;
        if (REUSE) {
            assertThat(System.getProperty("bench.url")).as("-Dbench.url of the generated city (bench.reuse)").isNotBlank();
            // -Dbench.as-of (epoch seconds) fixes the reference time, so that two runs (before/after) ask the same questions
            asOf = Long.getLong("bench.as-of", System.currentTimeMillis() / 1000);
            long[] persons = jdbc.queryForObject("SELECT MIN(id), MAX(id) FROM person",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            long checkins = jdbc.queryForObject("SELECT COUNT(*) FROM checkin", Long.class);
            out("dataset: %s, %,d persons, %,d check-ins (pre-built)", System.getProperty("bench.url"),
                    persons[1] - persons[0] + 1, checkins);
            long wf = asOf - 4 * 86_400L;
            long wt = asOf - 86_400L;
            anyCase = () -> personWithCheckinsIn(persons, wf, wt, random);
        } else {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Instant start = LocalDate.now(java.time.Clock.systemUTC()).minusDays(DAYS).atStartOfDay(zone).toInstant();
            long loadStarted = System.nanoTime();
            long rows = load(start);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            out("dataset: %,d persons, %,d venues, %d days, %,d check-ins, loaded in %.1f s", PERSONS, VENUES, DAYS,
                    rows, loadSeconds);
            asOf = start.getEpochSecond() + DAYS * 86_400L;
            anyCase = () -> FIRST_PERSON + random.nextInt(PERSONS);
        }
        presenceIndex(REUSE);
        long wf = asOf - 4 * 86_400L;
        long wt = asOf - 86_400L;
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(anyCase.get());
        }
        if (REUSE) {
            checkPersonsReadable(cases.subList(0, Math.min(5, cases.size())));
        }
        // warm-up (JIT, caches)
        for (int i = 0; i < 5; i++) {
            trace(List.of(new CaseWindow(cases.get(i), wf, wt)), asOf, true);
        }
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> evidenceItems = new ArrayList<>();
        List<Double> secondAllocatedMb = new ArrayList<>();
        long secondPauseMillis = 0;
        int secondTracesPaused = 0;
        for (long theCase : cases) {
            List<CaseWindow> one = List.of(new CaseWindow(theCase, wf, wt));
            first.add(millis(() -> trace(one, asOf, false)));
            TraceCost.Measured<TraceResult> result = TraceCost.measure(() -> trace(one, asOf, true));
            second.add(result.millis());
            secondAllocatedMb.add(result.allocatedMb());
            secondPauseMillis += result.pauseMillis();
            secondTracesPaused += result.pauses() > 0 ? 1 : 0;
            sizes.add(result.value().contacts().size());
            // counted on the columns: making every contact's objects here would leave garbage for the next timed trace
            evidenceItems.add((int) result.value().evidenceCount());
        }
        out("one case, CLOSE+EXPOSED: p50 %.1f ms, p95 %.1f ms (n=%d)", pct(first, 50), pct(first, 95), first.size());
        row("one case, CLOSE+EXPOSED, p50 / p95 (n=%d)".formatted(first.size()),
                "%.1f / %.1f ms".formatted(pct(first, 50), pct(first, 95)));
        // the tail is the cases with the largest second degree: say how large
        java.util.stream.IntStream.range(0, second.size()).boxed()
                .sorted(java.util.Comparator.comparingDouble(second::get).reversed()).limit(3)
                .forEach(i -> out("  slow case with SECONDARY: %.1f ms, %,d contacts, %,d evidence items", second.get(i),
                        sizes.get(i), evidenceItems.get(i)));
        int medianContacts = (int) pct(sizes.stream().map(Integer::doubleValue).toList(), 50);
        out("one case, with SECONDARY: p50 %.1f ms, p95 %.1f ms (n=%d, median contacts %d, median evidence items %d)",
                pct(second, 50), pct(second, 95), second.size(), medianContacts,
                (int) pct(evidenceItems.stream().map(Integer::doubleValue).toList(), 50));
        row("one case with SECONDARY, p50 / p95 (n=%d, median %,d contacts)".formatted(second.size(), medianContacts),
                "%.1f / %.1f ms".formatted(pct(second, 50), pct(second, 95)));
        out("one case, with SECONDARY: allocated p50 %.1f MB, p95 %.1f MB per trace; %d of %d traces had a collector"
                + " pause inside, %d ms of pauses in all (%s)", pct(secondAllocatedMb, 50), pct(secondAllocatedMb, 95),
                secondTracesPaused, second.size(), secondPauseMillis, TraceCost.collectors());
        List<CaseWindow> cluster = new ArrayList<>();
        for (int i = 0; i < CLUSTER; i++) {
            cluster.add(new CaseWindow(anyCase.get(), wf, wt));
        }
        TraceCost.Measured<TraceResult> measuredCluster = TraceCost.measure(() -> trace(cluster, asOf, true));
        TraceResult clustered = measuredCluster.value();
        double clusterMs = measuredCluster.millis();
        out("cluster of %d cases with SECONDARY: %.1f s total, %,d contacts %s, %,d evidence items; allocated %,.0f MB,"
                + " %d collector pauses inside, %d ms", CLUSTER, clusterMs / 1000, clustered.contacts().size(),
                clustered.counts(), clustered.evidenceCount(), measuredCluster.allocatedMb(),
                measuredCluster.pauses(), measuredCluster.pauseMillis());
        row("cluster of %d cases with SECONDARY, total (%,d contacts)".formatted(CLUSTER, clustered.contacts().size()),
                "%.1f s".formatted(clusterMs / 1000));

        if (postgres() && BASELINE_CASES > 0) {
            compareWithSqlBaseline(cases, wf, wt, asOf, first, second);
        }
        String database = postgres() ? "PostgreSQL" : "SQLite";
        StringBuilder markdown = new StringBuilder("\n| question | " + database + " |\n|---|---:|\n");
        table.forEach(r -> markdown.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        System.out.println(markdown);
    }

    /**
     * Tracing reads through the presence index, as in production once started (jiaxing.checkin.presence-index.
     * enabled=false measures the database path instead). On a pre-built city the index builds at start-up;
     * in context the check-ins were loaded around the module (JDBC batches), so it is rebuilt here. Reports the
     * build time and the heap it takes.
     */
    void presenceIndex(boolean builtAtStartUp) {
        org.jiaxing.checkin.PresenceIndex.Status status = presenceIndex.status();
        if (!status.enabled()) {
            out("presence index: off, tracing reads the database");
            row("presence index", "off (database path)");
            return;
        }
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (!presenceIndex.ready() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!builtAtStartUp) {
            presenceIndex.rebuild();
        }
        status = presenceIndex.status();
        assertThat(status.ready()).as("presence index ready").isTrue();
        Runtime runtime = Runtime.getRuntime();
        out("presence index: %,d check-ins, built in %.1f s (%s), about %,d MB = %.1f bytes per check-in; heap max %,d MB",
                status.checkins(), status.buildTime().toMillis() / 1000.0, builtAtStartUp ? "at start-up, in the background"
                        : "rebuilt after the load", status.bytes() >> 20, status.bytes() / (double) Math.max(1, status.checkins()),
                runtime.maxMemory() >> 20);
        row("presence index build (%,d check-ins)".formatted(status.checkins()),
                "%.1f s".formatted(status.buildTime().toMillis() / 1000.0));
        row("presence index heap", "%,d MB (%.1f B per check-in)".formatted(status.bytes() >> 20,
                status.bytes() / (double) Math.max(1, status.checkins())));
    }

    /**
     * A random generated person with at least one check-in in the window (a case without check-ins there would
     * measure nothing); drawn by id, checked with one probe of {@code checkin_person_time}.
     */
    long personWithCheckinsIn(long[] persons, long wf, long wt, SplittableRandom random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            long person = persons[0] + random.nextLong(persons[1] - persons[0] + 1);
            List<Integer> any = jdbc.queryForList("""
                    SELECT 1 FROM checkin WHERE person_id = ? AND checked_in_at >= ? AND checked_in_at < ? LIMIT 1""",
                    Integer.class, person, wf * 1000, wt * 1000);
            if (!any.isEmpty()) {
                return person;
            }
        }
        throw new IllegalStateException("no person with check-ins in the window: is the data set older than a day?");
    }

    /**
     * The generated persons must be what the application wrote itself: readable (masked names), found by their
     * phone and ID number (blind indexes). Reveals a few (five audit entries in the data set).
     */
    void checkPersonsReadable(List<Long> some) {
        for (long id : some) {
            org.jiaxing.person.Person masked = persons.find(id).orElseThrow();
            org.jiaxing.person.PersonDetails clear = persons.reveal(id, "tracing-bench", "benchmark data set check");
            assertThat(persons.findByIdNumber(clear.idNumber())).as("person %d by ID number", id)
                    .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(id));
            if (clear.phone() != null) {
                assertThat(persons.findByPhone(clear.phone())).as("person %d by phone", id)
                        .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(id));
            }
            out("person %d readable: %s, %s, %s", id, masked.maskedName(), masked.maskedPhone(), masked.maskedIdNumber());
        }
    }

    void row(String question, String value) {
        table.add(new String[] {question, value});
    }

    TraceResult trace(List<CaseWindow> cases, long asOf, boolean secondary) {
        RuleBook book = rules.ruleBook();
        return new ContactTracer(presences, book).trace(cases, asOf, secondary);
    }

    /**
     * The same questions as hand-written SQL on PostgreSQL ({@link SqlBaseline}), on the first
     * {@code bench.baseline-cases} cases, each answer asserted equal to the engine's (persons and levels).
     */
    void compareWithSqlBaseline(List<Long> cases, long wf, long wt, long asOf, List<Double> first, List<Double> second) {
        SqlBaseline sql = new SqlBaseline(jdbc);
        long lookback = rules.ruleBook().lookback();
        List<Double> firstBaseline = new ArrayList<>();
        List<Double> secondBaseline = new ArrayList<>();
        List<Long> checked = cases.subList(0, Math.min(BASELINE_CASES, cases.size()));
        for (long theCase : checked) {
            List<CaseWindow> one = List.of(new CaseWindow(theCase, wf, wt));
            Map<Long, ContactLevel>[] answer = new Map[1];
            firstBaseline.add(millis(() -> answer[0] = sql.firstDegree(theCase, wf, wt, asOf, lookback)));
            assertThat(answer[0]).as("first degree, baseline = engine, case %d", theCase)
                    .isEqualTo(levels(trace(one, asOf, false)));
            secondBaseline.add(millis(() -> answer[0] = sql.withSecondary(theCase, wf, wt, asOf, lookback)));
            assertThat(answer[0]).as("with secondary, baseline = engine, case %d", theCase)
                    .isEqualTo(levels(trace(one, asOf, true)));
        }
        out("hand-written SQL baseline, CLOSE+EXPOSED: p50 %.1f ms, p95 %.1f ms; with SECONDARY: p50 %.1f ms, p95 %.1f ms"
                + " (n=%d, same persons and levels as the engine)", pct(firstBaseline, 50), pct(firstBaseline, 95),
                pct(secondBaseline, 50), pct(secondBaseline, 95), checked.size());
        row("hand-written SQL baseline, CLOSE+EXPOSED, p50 / p95 (n=%d, same persons and levels)".formatted(checked.size()),
                "%.1f / %.1f ms".formatted(pct(firstBaseline, 50), pct(firstBaseline, 95)));
        row("hand-written SQL baseline with SECONDARY, p50 / p95 (n=%d, same persons and levels)".formatted(checked.size()),
                "%.1f / %.1f ms".formatted(pct(secondBaseline, 50), pct(secondBaseline, 95)));
        row("engine vs SQL baseline, first degree (p50 / p95)", "%.1f× / %.1f×".formatted(
                pct(firstBaseline, 50) / pct(first, 50), pct(firstBaseline, 95) / pct(first, 95)));
        row("engine vs SQL baseline, with secondary (p50 / p95)", "%.1f× / %.1f×".formatted(
                pct(secondBaseline, 50) / pct(second, 50), pct(secondBaseline, 95) / pct(second, 95)));
    }

    static Map<Long, ContactLevel> levels(TraceResult result) {
        Map<Long, ContactLevel> levels = new TreeMap<>();
        result.contacts().forEach(contact -> levels.put(contact.personId(), contact.level()));
        return levels;
    }

    long load(Instant start) {
        List<VenueDraft> drafts = new ArrayList<>();
        List<String> weighted = new ArrayList<>();
        CityDataset.CATEGORY_WEIGHTS.forEach((category, weight) -> weighted.addAll(Collections.nCopies(weight, category)));
        Collections.sort(weighted);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < VENUES; i++) {
            drafts.add(new VenueDraft("BM-%05d".formatted(i), "基准场所 " + i, weighted.get(random.nextInt(weighted.size())),
                    TOWNS.get(i % TOWNS.size()), "基准路 " + i + " 号", null, null, null, null, null, null));
        }
        registry.upsertAll(drafts);
        List<CityDataset.GeneratedVenue> generated = new ArrayList<>();
        for (Venue venue : venues.findAll(new VenueFilter(null, null, null, null))) {
            if (venue.code().startsWith("BM-")) {
                generated.add(new CityDataset.GeneratedVenue(venue.id(), venue.category().code(),
                        TOWNS.indexOf(venue.townCode())));
            }
        }
        List<Object[]> batch = new ArrayList<>();
        long[] count = {0};
        String insert = "INSERT INTO checkin (person_id, venue_id, checked_in_at, checked_out_at, refused, channel, created_at)"
                + " VALUES (?, ?, ?, ?, 0, 1, ?)";
        new CityDataset(generated, TOWNS.size()).generate(FIRST_PERSON, PERSONS, start, DAYS, 1, row -> {
            batch.add(new Object[] {row.personId(), row.venueId(), row.in() * 1000, row.out() == null ? null : row.out() * 1000,
                    row.in() * 1000});
            if (batch.size() == 10_000) {
                // one transaction per batch: autocommitted rows would cost one fsync each on SQLite
                transactions.executeWithoutResult(status -> jdbc.batchUpdate(insert, batch));
                count[0] += batch.size();
                batch.clear();
            }
        });
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(insert, batch));
        count[0] += batch.size();
        if (postgres()) {
            jdbc.execute("ANALYZE checkin");
        } else {
            jdbc.execute("ANALYZE");
        }
        return count[0];
    }

    static double millis(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return (System.nanoTime() - started) / 1e6;
    }

    static <T> double millis(Supplier<T> action) {
        long started = System.nanoTime();
        action.get();
        return (System.nanoTime() - started) / 1e6;
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    void out(String format, Object... args) {
        String line = "[tracing-bench " + (postgres() ? "postgresql" : "sqlite") + "] " + format.formatted(args);
        System.out.println(line);
    }
}
