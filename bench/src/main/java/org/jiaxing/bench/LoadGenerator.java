package org.jiaxing.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The check-in benchmark (issue 3, docs/PERFORMANCE.md): in one run, against one server, the JSON echo
 * (HTTP ceiling), group-commit check-ins and naive check-ins, each for the same duration with the same
 * scans; {@code --runs N} repeats the round and reports medians. Targets take turns within a round so
 * that a noisy neighbour on a shared machine hurts all of them alike.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        long setupStarted = System.nanoTime();
        BenchSetup setup = BenchSetup.create(options.url(), options.venues(), options.persons());
        System.out.printf(Locale.ROOT, "Setup: %d venues with signed codes, %,d persons with visitor passes (%.1f s)%n",
                options.venues(), options.persons(), (System.nanoTime() - setupStarted) / 1e9);
        checkReachable(options, setup);
        System.out.printf(Locale.ROOT, "Load: %d connections, %s, %d s warm-up + %d s measured per target, %d run(s), "
                        + "%d venues, %,d persons, %.0f%% duplicates, against %s%n", options.connections(),
                options.rate() > 0 ? String.format(Locale.ROOT, "paced at %,.0f req/s (open loop)", options.rate())
                        : "closed loop", options.warmup().toSeconds(), options.duration().toSeconds(), options.runs(),
                options.venues(), options.persons(), options.duplicateRate() * 100, options.url());
        if (!options.jitWarmup().isZero()) {
            System.out.printf(Locale.ROOT, "JIT warm-up: %d s per target, not measured…%n",
                    options.jitWarmup().toSeconds());
            Options warmup = options.warmingUp();
            for (Target target : options.targets()) {
                switchLiveCounting(options, target);
                Measurement.run(warmup, target, setup, options.seed() - 1 - target.ordinal(), () -> { });
            }
        }
        Map<Target, List<Result>> results = new EnumMap<>(Target.class);
        for (int run = 1; run <= options.runs(); run++) {
            for (Target target : options.targets()) {
                switchLiveCounting(options, target);
                WriterStats before = WriterStats.read(options.url());
                long started = System.nanoTime();
                CpuUse[] cpu = new CpuUse[1];
                int round = run;
                Result measured = Measurement.run(options, target, setup, options.seed() + run * 31L + target.ordinal(),
                        () -> {
                            cpu[0] = CpuUse.now(options.serverPid());
                            if (!options.reportEvery().isZero()) {
                                // bench/reliability/soak.sh starts its concurrent queries on this line
                                System.out.printf(Locale.ROOT, "measuring run %d %s for %d s%n", round, target.label,
                                        options.duration().toSeconds());
                                System.out.flush();
                            }
                        });
                CpuUse cpuEnd = CpuUse.now(options.serverPid());
                String cpuUse = cpuEnd.since(cpu[0]);
                Result result = measured.withServerCpu(cpuEnd.serverMicrosSince(cpu[0]));
                double seconds = (System.nanoTime() - started) / 1e9;
                results.computeIfAbsent(target, t -> new ArrayList<>()).add(result);
                System.out.printf(Locale.ROOT, "run %d  %-6s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  max %8.1f ms  "
                                + "errors %s%n", run, target.label, result.rate(), result.p50Millis(), result.p99Millis(),
                        result.maxMillis(), result.errorSummary());
                if (!cpuUse.isEmpty()) {
                    System.out.println("             " + cpuUse + (result.serverCpuMicros() < 0 ? ""
                            : String.format(Locale.ROOT, "; server CPU %.0f µs per request", result.cpuPerRequest())));
                }
                if (target == Target.GROUP || target == Target.GROUP_UNCOUNTED) {
                    System.out.println("             writer (warm-up included): "
                            + WriterStats.read(options.url()).since(before, seconds));
                }
            }
        }
        System.out.println();
        System.out.print(table(results));
    }

    /** A Markdown table of medians over the runs (max: the worst run), for docs/PERFORMANCE.md. */
    static String table(Map<Target, List<Result>> results) {
        StringBuilder table = new StringBuilder("| target | req/s (median) | vs echo | p50 ms | p99 ms | max ms | errors "
                + "| server CPU µs/req | runs |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Double echo = results.containsKey(Target.ECHO) ? median(results.get(Target.ECHO), Result::rate) : null;
        results.forEach((target, runs) -> {
            double rate = median(runs, Result::rate);
            String ratio = echo == null ? "–" : String.format(Locale.ROOT, "%.2f×", rate / echo);
            double max = runs.stream().mapToDouble(Result::maxMillis).max().orElse(0);
            long errors = runs.stream().mapToLong(Result::errors).sum();
            double cpu = median(runs, Result::cpuPerRequest);
            table.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.1f | %d | %s | %d |%n",
                    target.label, rate, ratio, median(runs, Result::p50Millis), median(runs, Result::p99Millis), max,
                    errors, cpu < 0 ? "–" : String.format(Locale.ROOT, "%.0f", cpu), runs.size()));
        });
        List<Result> on = results.get(Target.GROUP);
        List<Result> off = results.get(Target.GROUP_UNCOUNTED);
        if (on != null && off != null && on.size() == off.size()) {
            table.append(liveCountingCost(on, off));
        }
        return table.toString();
    }

    /** The cost of live counting from the runs' pairs (on and off measured back to back in each round). */
    static String liveCountingCost(List<Result> on, List<Result> off) {
        double[] costs = new double[on.size()];
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < on.size(); i++) {
            costs[i] = 1 - on.get(i).rate() / off.get(i).rate();
            pairs.append(String.format(Locale.ROOT, "%s%+.1f%%", i == 0 ? "" : ", ", costs[i] * 100));
        }
        java.util.Arrays.sort(costs);
        int middle = costs.length / 2;
        double median = costs.length % 2 == 1 ? costs[middle] : (costs[middle - 1] + costs[middle]) / 2;
        return String.format(Locale.ROOT, "%nLive counting costs %.1f%% of check-in throughput (median of the runs' "
                + "on/off pairs: %s; negative: counting on was faster, i.e. noise)%n", median * 100, pairs);
    }

    static double median(List<Result> runs, ToDoubleFunction<Result> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** Live counting off only for {@link Target#GROUP_UNCOUNTED}; left alone without {@code --admin}. */
    private static void switchLiveCounting(Options options, Target target) throws IOException, InterruptedException {
        if (options.admin() != null) {
            LiveCounting.set(options.url(), options.admin(), target != Target.GROUP_UNCOUNTED);
        }
    }

    /** One echo first: a disabled bench (404) or a wrong URL should stop here with a clear message. */
    private static void checkReachable(Options options, BenchSetup setup) throws IOException {
        int port = options.url().getPort() > 0 ? options.url().getPort() : 80;
        try (HttpConnection connection = new HttpConnection(options.url().getHost(), port, Target.ECHO.path)) {
            int status = connection.post(new Scans(0, 1, setup).next());
            if (status != 201) {
                throw new IllegalStateException("POST " + Target.ECHO.path + " answered " + status
                        + "; is the server running with --jiaxing.bench.enabled=true?");
            }
        }
    }
}
