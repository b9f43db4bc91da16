package org.jiaxing.tracing.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A synthetic city for the tracing benchmark: persons with a home area (town), a residential gate, a workplace
 * and a few favourite shops, and a day routine (out through the gate in the morning, work with a check-out for
 * some, an evening shop or restaurant, back through the gate, now and then somewhere else in the city).
 * About 3.4 check-ins per person and day (the benchmark city of bench/generate-city.sh is calibrated to the
 * issue's 2.6). Deterministic per seed.
 */
final class CityDataset {

    /** Category weights of the generated venues, roughly Pinghu's mix. */
    static final Map<String, Integer> CATEGORY_WEIGHTS = Map.ofEntries(Map.entry("RESIDENTIAL_GATE", 22),
            Map.entry("OFFICE", 6), Map.entry("FACTORY", 14), Map.entry("SCHOOL", 3), Map.entry("SUPERMARKET", 9),
            Map.entry("FARMERS_MARKET", 4), Map.entry("RESTAURANT", 16), Map.entry("PHARMACY", 5),
            Map.entry("MEDICAL", 2), Map.entry("BANK", 3), Map.entry("GYM", 2), Map.entry("BEAUTY_SALON", 4),
            Map.entry("GAS_STATION", 2), Map.entry("TRANSPORT_HUB", 1), Map.entry("OTHER", 7));
    static final List<String> WORK = List.of("OFFICE", "FACTORY", "SCHOOL");
    static final List<String> SHOPS = List.of("SUPERMARKET", "FARMERS_MARKET", "RESTAURANT", "PHARMACY", "BANK",
            "GYM", "BEAUTY_SALON");

    /** One generated venue: id in the database, category, town index. */
    record GeneratedVenue(long id, String category, int town) {
    }

    /** A check-in row (epoch seconds; out may be null). */
    record Row(long personId, long venueId, long in, Long out) {
    }

    private final List<GeneratedVenue> venues;
    private final int towns;

    CityDataset(List<GeneratedVenue> venues, int towns) {
        this.venues = venues;
        this.towns = towns;
    }

    /**
     * Streams every check-in of {@code persons} persons (ids {@code firstPerson…}) for {@code days} days from
     * {@code start} (midnight, city time), in person order.
     */
    void generate(long firstPerson, int persons, Instant start, int days, long seed, Consumer<Row> out) {
        List<List<GeneratedVenue>> gates = byTown("RESIDENTIAL_GATE");
        List<GeneratedVenue> work = venues.stream().filter(v -> WORK.contains(v.category())).toList();
        List<List<GeneratedVenue>> shops = new ArrayList<>();
        for (int t = 0; t < towns; t++) {
            int town = t;
            shops.add(venues.stream().filter(v -> v.town() == town && SHOPS.contains(v.category())).toList());
        }
        SplittableRandom random = new SplittableRandom(seed);
        long midnight = start.getEpochSecond();
        for (int p = 0; p < persons; p++) {
            long person = firstPerson + p;
            int town = random.nextInt(towns);
            GeneratedVenue gate = pick(gates.get(town), random);
            boolean works = random.nextInt(100) < 70;
            GeneratedVenue job = works ? pick(work, random) : null;
            List<GeneratedVenue> favourites = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                favourites.add(pick(shops.get(town).isEmpty() ? venues : shops.get(town), random));
            }
            for (int d = 0; d < days; d++) {
                long day = midnight + d * 86_400L;
                long morning = day + 7 * 3600 + random.nextInt(90 * 60);
                out.accept(new Row(person, gate.id(), morning, null));
                if (job != null && random.nextInt(100) < 90) {
                    long arrive = morning + 15 * 60 + random.nextInt(45 * 60);
                    Long leave = random.nextBoolean() ? day + 17 * 3600 + random.nextInt(90 * 60) : null;
                    out.accept(new Row(person, job.id(), arrive, leave));
                }
                if (random.nextInt(100) < 15) {
                    long at = day + 10 * 3600 + random.nextInt(5 * 3600);
                    GeneratedVenue anywhere = pick(venues, random);
                    out.accept(new Row(person, anywhere.id(), at, random.nextInt(100) < 30 ? at + 600 + random.nextInt(3600) : null));
                }
                long evening = day + 17 * 3600 + 30 * 60 + random.nextInt(3 * 3600);
                if (random.nextInt(100) < 60) {
                    GeneratedVenue shop = favourites.get(random.nextInt(favourites.size()));
                    out.accept(new Row(person, shop.id(), evening,
                            random.nextInt(100) < 30 ? evening + 1200 + random.nextInt(2400) : null));
                }
                out.accept(new Row(person, gate.id(), evening + 3600 + random.nextInt(2 * 3600), null));
            }
        }
    }

    private List<List<GeneratedVenue>> byTown(String category) {
        List<List<GeneratedVenue>> result = new ArrayList<>();
        for (int t = 0; t < towns; t++) {
            int town = t;
            List<GeneratedVenue> inTown = venues.stream().filter(v -> v.town() == town && v.category().equals(category))
                    .toList();
            result.add(inTown.isEmpty() ? venues : inTown);
        }
        return result;
    }

    private static GeneratedVenue pick(List<GeneratedVenue> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }
}
