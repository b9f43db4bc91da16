package org.jiaxing.bench.city;

import java.nio.file.Path;

/**
 * Options of {@link GenerateCity}; bench/generate-city.sh passes them all.
 *
 * @param url         JDBC URL of the application's database, already migrated by one start of the application
 * @param user        database user (PostgreSQL)
 * @param dataDir     the application's data directory: the person keys are read from {@code keys/}
 * @param venueSource PostgreSQL only: JDBC URL of a SQLite database seeded by the demo, whose venues and staff
 *                    accounts are copied (the demo seeds only the embedded database); null to skip
 * @param persons     persons to create
 * @param days        days of check-ins, ending now
 * @param seed        random seed: same seed, same city
 * @param nowMillis   the end of the generated period ("now"), epoch milliseconds
 */
record CityOptions(String url, String user, Path dataDir, String venueSource, int persons, int days, long seed,
        long nowMillis) {

    static final String USAGE = """
            usage: java -cp jiaxing-bench.jar org.jiaxing.bench.city.GenerateCity --url JDBC_URL --data-dir DIR [options]
              --url URL            the application's database (migrated, venues present or --venue-source)
              --user NAME          database user (PostgreSQL; default postgres)
              --data-dir DIR       the application's data directory (person keys in DIR/keys)
              --venue-source URL   PostgreSQL: copy venues and staff accounts from this demo SQLite database
              --persons N          persons (default 700000)
              --days N             days of check-ins ending now (default 28)
              --seed N             random seed (default 1)
              --now EPOCH_MILLIS   end of the generated period (default: the current time)
            """;

    static CityOptions parse(String[] args) {
        String url = null;
        String user = "postgres";
        Path dataDir = null;
        String venueSource = null;
        int persons = 700_000;
        int days = 28;
        long seed = 1;
        long now = System.currentTimeMillis();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--data-dir" -> dataDir = Path.of(value);
                case "--venue-source" -> venueSource = value;
                case "--persons" -> persons = Integer.parseInt(value);
                case "--days" -> days = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--now" -> now = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (url == null || dataDir == null) {
            throw new IllegalArgumentException("--url and --data-dir are required");
        }
        if (persons < 1 || persons > 20_000_000 || days < 1 || days > 366) {
            throw new IllegalArgumentException("--persons must be 1-20000000 and --days 1-366");
        }
        return new CityOptions(url, user, dataDir, venueSource, persons, days, seed, now);
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
