package org.jiaxing.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options; every one has a default that matches docs/PERFORMANCE.md. */
record Options(URI url, Duration duration, Duration warmup, Duration jitWarmup, int runs, int connections, List<Target> targets,
        int venues, int persons, double duplicateRate, long seed, long serverPid, String admin, double rate,
        Duration reportEvery, Duration progressEvery, Duration ramp) {

    static final String USAGE = """
            usage: java -jar jiaxing-bench.jar [options]
              --url URL            server base URL (default http://127.0.0.1:8080)
              --duration SECONDS   measured time per target and run (default 60)
              --warmup SECONDS     unmeasured load before each measurement (default 10)
              --jit-warmup SECONDS unmeasured load per target before the first run, so that the
                                   server's JIT has compiled every path (default 30)
              --runs N             rounds of all targets; the table shows medians (default 1)
              --connections N      concurrent keep-alive connections (default 64)
              --targets LIST       comma-separated, in order: echo,group,naive (default all three)
              --venues N           venues scanned, skewed towards busy ones (default 4421, Pinghu)
              --persons N          distinct visitors, created by the server's setup (default 100000)
              --duplicates RATE    share of scans repeating a recent person+venue (default 0.05)
              --seed N             random seed (default 42)
              --server-pid PID     the server's process, to report its CPU use apart (Linux)
              --admin USER:PASS    a CITY_ADMIN: live counting is switched off for the group-uncounted
                                   target and on for every other (needed for group-uncounted)
              --rate N             paced (open loop): N requests/s in total on a fixed schedule shared by
                                   the connections; latency counts from when a request was due, so waiting
                                   for a free connection is included (default 0: closed loop, as fast as
                                   the server answers)
              --report-every SECS  also print each interval of the measured period: requests, p50, p99,
                                   max, errors (default 0: only the totals)
              --ramp SECS          paced: the rate rises from a tenth to N over the warm-up's first SECS
                                   (a restarted node taking traffic with slow start; default 0: none)
              --progress SECS      print every SECS from the first request, warm-up included: answers,
                                   p50, p99, max, errors and (paced) how far behind its schedule the load
                                   is, to see where a backlog starts and ends (default 0: none)
            """;

    static Options parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        Duration jitWarmup = Duration.ofSeconds(30);
        int runs = 1;
        int connections = 64;
        List<Target> targets = List.of(Target.ECHO, Target.GROUP, Target.NAIVE);
        int venues = 4421;
        int persons = 100_000;
        double duplicates = 0.05;
        long seed = 42;
        long serverPid = 0;
        String admin = null;
        double rate = 0;
        Duration reportEvery = Duration.ZERO;
        Duration progressEvery = Duration.ZERO;
        Duration ramp = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help") || name.equals("-help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--jit-warmup" -> jitWarmup = Duration.ofSeconds(Long.parseLong(value));
                case "--runs" -> runs = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--targets" -> {
                    List<Target> chosen = new ArrayList<>();
                    for (String label : value.split(",")) {
                        chosen.add(Target.of(label.strip()));
                    }
                    targets = List.copyOf(chosen);
                }
                case "--venues" -> venues = Integer.parseInt(value);
                case "--persons" -> persons = Integer.parseInt(value);
                case "--duplicates" -> duplicates = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--server-pid" -> serverPid = Long.parseLong(value);
                case "--admin" -> admin = value;
                case "--rate" -> rate = Double.parseDouble(value);
                case "--report-every" -> reportEvery = Duration.ofSeconds(Long.parseLong(value));
                case "--progress" -> progressEvery = Duration.ofSeconds(Long.parseLong(value));
                case "--ramp" -> ramp = Duration.ofSeconds(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (runs < 1 || connections < 1 || venues < 1 || persons < 1 || duplicates < 0 || duplicates > 1
                || duration.isZero() || duration.isNegative() || warmup.isNegative() || jitWarmup.isNegative()
                || !(rate >= 0) || Double.isInfinite(rate) || reportEvery.isNegative() || progressEvery.isNegative()
                || ramp.isNegative() || ramp.compareTo(warmup) > 0) {
            throw new IllegalArgumentException("options out of range");
        }
        if (targets.contains(Target.GROUP_UNCOUNTED) && (admin == null || !admin.contains(":"))) {
            throw new IllegalArgumentException("the group-uncounted target needs --admin user:password (a CITY_ADMIN)");
        }
        return new Options(url, duration, warmup, jitWarmup, runs, connections, targets, venues, persons, duplicates, seed,
                serverPid, admin, rate, reportEvery, progressEvery, ramp);
    }

    /** The same load (paced alike), for the JIT warm-up only: all of it "warm-up", a token measured second. */
    Options warmingUp() {
        return new Options(url, Duration.ofSeconds(1), jitWarmup, Duration.ZERO, 1, connections, targets, venues,
                persons, duplicateRate, seed, serverPid, admin, rate, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
