package org.jiaxing.bench.city;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Generates the benchmark city of issues 4 and 5 into a database the application created (bench/generate-city.sh
 * starts the application once on a fresh database for the schema and the demo venues, then runs this): persons
 * with encrypted identities the application can read, then every check-in of their day routines
 * ({@link CityRoutine}) for the last {@code --days} days up to now, day by day in time order, bulk-loaded the
 * vendor's fastest way. One thread generates the next day while another loads the previous one.
 */
public final class GenerateCity {

    /** The application's default jiaxing.zone: days, hours and partitions are in it. */
    static final String ZONE = "Asia/Shanghai";
    /** Refuse to add a city to a database that already has more persons than the demo's visitors. */
    static final int MOST_EXISTING_PERSONS = 10_000;

    private static final long STARTED = System.nanoTime();

    private GenerateCity() {
    }

    public static void main(String[] args) throws Exception {
        CityOptions options;
        try {
            options = CityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(CityOptions.USAGE);
            System.exit(2);
            return;
        }
        try (CityDatabase db = CityDatabase.open(options)) {
            generate(options, db);
        }
    }

    static void generate(CityOptions options, CityDatabase db) throws Exception {
        if (options.venueSource() != null) {
            int copied = DemoCopy.copy(options.venueSource(), db.connection);
            log("copied %,d demo venues and the demo staff accounts from %s", copied, options.venueSource());
        }
        List<CityVenue> venues = db.venues();
        if (venues.isEmpty()) {
            throw new IllegalStateException("no active venues in the database: start the application once with "
                    + "--jiaxing.demo.enabled=true (SQLite) or pass --venue-source");
        }
        PersonRecords records = PersonRecords.fromDataDir(options.dataDir());
        checkKeys(db, options);
        long existing = db.single("SELECT COUNT(*) FROM person");
        if (existing > MOST_EXISTING_PERSONS) {
            throw new IllegalStateException("the database already has " + existing + " persons: generate into a fresh one");
        }
        long firstPerson = db.single("SELECT COALESCE(MAX(id), 0) FROM person") + 1;
        ZoneId zone = ZoneId.of(ZONE);
        Instant now = Instant.ofEpochMilli(options.nowMillis());
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(options.days() - 1);
        log("city: %,d persons (ids from %,d), %,d active venues, %d days %s to %s (until %s), seed %d", options.persons(),
                firstPerson, venues.size(), options.days(), first, today, now, options.seed());

        long started = System.nanoTime();
        long registeredFrom = first.minusDays(120).atStartOfDay(zone).toInstant().toEpochMilli();
        long registeredSpan = first.atStartOfDay(zone).toInstant().toEpochMilli() - registeredFrom;
        // AES-GCM and HMAC for 700,000 persons: on every core, one cipher per thread
        ThreadLocal<PersonRecords> perThread = ThreadLocal.withInitial(() -> records.copy());
        List<PersonRecords.Person> persons = IntStream.range(0, options.persons()).parallel()
                .mapToObj(n -> perThread.get().person(firstPerson + n, n, options.seed(),
                        registeredFrom + Math.floorMod(n * 0x9E3779B97F4A7C15L + options.seed(), registeredSpan)))
                .toList();
        double encrypted = seconds(started);
        db.insertPersons(persons);
        log("persons: %,d encrypted in %.1f s, inserted in %.1f s%s", persons.size(), encrypted, seconds(started) - encrypted,
                db.serverCpu());
        persons = null;

        CityRoutine routine = new CityRoutine(venues, firstPerson, options.persons(), options.seed());
        long firstId = db.single("SELECT COALESCE(MAX(id), 0) FROM checkin") + 1;
        db.beginCheckins();
        long loadStarted = System.nanoTime();
        BlockingQueue<DayRows> days = new ArrayBlockingQueue<>(2);
        DayRows end = new DayRows(today, 0, 16);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread generator = Thread.ofPlatform().name("city-days").start(() -> {
            try {
                for (int d = 0; d < options.days(); d++) {
                    LocalDate date = first.plusDays(d);
                    DayRows rows = routine.day(date, date.atStartOfDay(zone).toInstant().toEpochMilli(), d);
                    if (date.equals(today)) {
                        rows.cutAt(options.nowMillis());
                    }
                    rows.sortByTime();
                    days.put(rows);
                }
            } catch (Throwable e) {
                failed.set(e);
            } finally {
                try {
                    days.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        long next = firstId;
        long total = 0;
        while (true) {
            DayRows rows = days.take();
            if (rows == end) {
                break;
            }
            db.writeDay(rows, next);
            next += rows.size;
            total += rows.size;
            double elapsed = seconds(loadStarted);
            log("%s %s: %,d check-ins (%.2f per person); %,d so far, %,.0f rows/s%s", rows.day, rows.day.getDayOfWeek()
                    .toString().substring(0, 3), rows.size, rows.size / (double) options.persons(), total, total / elapsed,
                    db.serverCpu());
        }
        generator.join();
        if (failed.get() != null) {
            throw new IllegalStateException("generating the check-ins failed", failed.get());
        }
        double loaded = seconds(loadStarted);
        log("check-ins loaded: %,d rows in %.1f s (%,.0f rows/s); indexes next%s", total, loaded, total / loaded,
                db.serverCpu());
        db.finishCheckins(next - 1, GenerateCity::log);
        double all = seconds(loadStarted);
        log("done: %,d check-ins, %.2f per person and day, in %.1f s with indexes and statistics (%,.0f rows/s); "
                + "whole run %.1f s%s", total, total / (double) options.persons() / (options.days() - 1
                + fractionOfDay(now, zone)), all, total / all, seconds(STARTED), db.serverCpu());
    }

    /** The application refuses to start with other keys than the stored persons'; so do we, before writing any. */
    private static void checkKeys(CityDatabase db, CityOptions options) throws Exception {
        Map<String, String> checks = db.keyChecks();
        String data = PersonRecords.checkValue(PersonRecords.readKey(options.dataDir().resolve("keys/person-data.key")));
        String index = PersonRecords.checkValue(PersonRecords.readKey(options.dataDir().resolve("keys/person-index.key")));
        if (!data.equals(checks.get("data")) || !index.equals(checks.get("index"))) {
            throw new IllegalStateException("the person keys in " + options.dataDir().resolve("keys") + " are not the "
                    + "ones this database was started with: pass the data directory the application used");
        }
    }

    private static double fractionOfDay(Instant now, ZoneId zone) {
        LocalTime time = LocalTime.ofInstant(now, zone);
        return time.toSecondOfDay() / 86_400.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Wall time and CPU time so far: on a shared machine the wall time says little, the CPU time (this JVM; with
     * SQLite the database works in it too) extrapolates to a quiet one.
     */
    static void log(String format, Object... args) {
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0);
        System.out.printf("[city %6.1f s, cpu %6.1f s] %s%n", seconds(STARTED), cpu, format.formatted(args));
        System.out.flush();
    }
}
