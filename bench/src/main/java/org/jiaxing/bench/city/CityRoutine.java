package org.jiaxing.bench.city;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The day routines of a synthetic population on the real venues. Every person lives behind a residential
 * gate (towns weighted by their number of gates), has favourite shops among the ones nearest to home (by
 * coordinates) and, for most, a workplace (mostly in their own town) or a school. A working day: out through
 * the gate 06:30–08:30, work (some check out 17:00–18:30), now and then lunch out, an evening shop or
 * restaurant, back through the gate (not everyone scans on the way back). Retired and other people at home
 * go out on most days, to the market or a favourite shop in the morning, sometimes somewhere else. Weekends:
 * factories, hospitals and the port work half of the Saturdays; everyone else goes shopping or out (parks,
 * cinemas, restaurants, anywhere). Calibrated to about 2.6 check-ins per person and day over a week
 * (the 1.8M a day for 700,000 persons). Deterministic: a seed gives the same city.
 */
final class CityRoutine {

    static final Set<String> WORK = Set.of("OFFICE", "FACTORY", "CONSTRUCTION_SITE", "LOGISTICS", "MEDICAL",
            "GOV_SERVICE", "PORT", "WHOLESALE_MARKET", "BANK", "HOTEL", "ELDERLY_CARE", "TRAINING");
    /** Workplaces that also work on Saturdays (every other one). */
    static final Set<String> SIX_DAY = Set.of("FACTORY", "CONSTRUCTION_SITE", "LOGISTICS", "MEDICAL", "PORT",
            "WHOLESALE_MARKET", "HOTEL", "ELDERLY_CARE");
    static final Set<String> SHOPS = Set.of("SUPERMARKET", "FARMERS_MARKET", "RESTAURANT", "PHARMACY", "BANK",
            "BEAUTY_SALON", "GYM");
    static final Set<String> LEISURE = Set.of("SCENIC_PARK", "CINEMA", "KTV", "SPORTS_CULTURE", "RESTAURANT",
            "SUPERMARKET", "BATH_SPA", "INTERNET_CAFE", "RELIGIOUS", "CULTURAL_HALL", "HOMESTAY", "TRANSPORT_HUB",
            "GAS_STATION", "MEDICAL", "GOV_SERVICE", "TRAINING");
    static final int FAVOURITES = 4;
    /** Favourite shops are drawn from this many shops nearest to the home gate. */
    static final int NEAR = 24;

    private static final byte WORKER = 0;
    private static final byte STUDENT = 1;
    private static final byte AT_HOME = 2;

    private final long firstPerson;
    private final int persons;
    private final long seed;
    private final long[] gate;
    private final byte[] kind;
    private final long[] job;
    private final boolean[] sixDays;
    private final long[] favourites;
    private final long[] jobTownShop;
    private final List<CityVenue> leisure;
    private final List<CityVenue> anywhere;

    CityRoutine(List<CityVenue> venues, long firstPerson, int persons, long seed) {
        this.firstPerson = firstPerson;
        this.persons = persons;
        this.seed = seed;
        List<CityVenue> gates = filter(venues, Set.of("RESIDENTIAL_GATE"));
        List<CityVenue> work = filter(venues, WORK);
        List<CityVenue> schools = filter(venues, Set.of("SCHOOL"));
        List<CityVenue> shops = filter(venues, SHOPS);
        this.anywhere = venues.stream().filter(v -> !v.category().equals("RESIDENTIAL_GATE")).toList();
        this.leisure = orAll(filter(venues, LEISURE));
        if (gates.isEmpty()) {
            gates = venues;
        }
        Map<String, List<CityVenue>> workByTown = byTown(work);
        Map<String, List<CityVenue>> schoolsByTown = byTown(schools);
        Map<String, List<CityVenue>> shopsByTown = byTown(shops);
        Map<Long, long[]> nearShops = new HashMap<>();
        for (CityVenue g : gates) {
            nearShops.put(g.id(), nearest(g, shops.isEmpty() ? anywhere : shops, NEAR));
        }
        gate = new long[persons];
        kind = new byte[persons];
        job = new long[persons];
        sixDays = new boolean[persons];
        favourites = new long[persons * FAVOURITES];
        jobTownShop = new long[persons];
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < persons; p++) {
            CityVenue home = gates.get(random.nextInt(gates.size()));
            gate[p] = home.id();
            int roll = random.nextInt(100);
            kind[p] = roll < 60 ? WORKER : roll < 72 ? STUDENT : AT_HOME;
            CityVenue place = null;
            if (kind[p] == WORKER) {
                List<CityVenue> local = workByTown.getOrDefault(home.town(), List.of());
                place = random.nextInt(100) < 65 && !local.isEmpty() ? pick(local, random)
                        : pick(orAll(work, venues), random);
            } else if (kind[p] == STUDENT) {
                place = pick(orAll(schoolsByTown.getOrDefault(home.town(), schools), venues), random);
            }
            job[p] = place == null ? 0 : place.id();
            sixDays[p] = place != null && SIX_DAY.contains(place.category());
            long[] near = nearShops.get(home.id());
            for (int f = 0; f < FAVOURITES; f++) {
                favourites[p * FAVOURITES + f] = near[random.nextInt(near.length)];
            }
            String lunchTown = place == null ? home.town() : place.town();
            jobTownShop[p] = pick(orAll(shopsByTown.getOrDefault(lunchTown, shops), anywhere), random).id();
        }
    }

    /** Every check-in of the day (not sorted), for every person. */
    DayRows day(LocalDate date, long midnightMillis, int dayIndex) {
        DayRows rows = new DayRows(date, midnightMillis, (int) (persons * 2.8));
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + dayIndex);
        DayOfWeek weekday = date.getDayOfWeek();
        boolean saturday = weekday == DayOfWeek.SATURDAY;
        boolean weekend = saturday || weekday == DayOfWeek.SUNDAY;
        long m = midnightMillis;
        for (int p = 0; p < persons; p++) {
            long person = firstPerson + p;
            boolean works = kind[p] != AT_HOME && (!weekend || (saturday && sixDays[p] && random.nextBoolean()));
            if (works) {
                if (random.nextInt(100) >= 94) {
                    continue; // sick, leave, working from home
                }
                long t = sec(6, 30) + random.nextInt(120 * 60);
                if (random.nextInt(100) < 90) {
                    rows.add(person, gate[p], m + t * 1000, 0);
                }
                t += 10 * 60 + random.nextInt(50 * 60);
                long leave = sec(17, 0) + random.nextInt(90 * 60);
                boolean checksOut = kind[p] == WORKER && random.nextInt(100) < 35;
                rows.add(person, job[p], m + t * 1000, checksOut ? m + leave * 1000 : 0);
                if (kind[p] == WORKER && random.nextInt(100) < 10) {
                    long lunch = sec(11, 30) + random.nextInt(80 * 60);
                    rows.add(person, jobTownShop[p], m + lunch * 1000, 0);
                }
                t = leave;
                if (random.nextInt(100) < 40) {
                    t += 10 * 60 + random.nextInt(100 * 60);
                    rows.add(person, favourite(p, random), m + t * 1000, shopCheckout(m, t, random));
                    t += 15 * 60;
                }
                back(rows, person, p, m, t, random);
            } else if (random.nextInt(100) < (weekend ? 78 : 62)) {
                long t = sec(weekend ? 9 : 7, 30) + random.nextInt(150 * 60);
                if (random.nextInt(100) < 85) {
                    rows.add(person, gate[p], m + t * 1000, 0);
                }
                int visits = 1 + (random.nextInt(100) < 35 ? 1 : 0);
                for (int v = 0; v < visits; v++) {
                    t += 15 * 60 + random.nextInt(weekend ? 180 * 60 : 120 * 60);
                    long venue = random.nextInt(100) < (weekend ? 45 : 75) ? favourite(p, random)
                            : pick(weekend ? leisure : anywhere, random).id();
                    rows.add(person, venue, m + t * 1000, shopCheckout(m, t, random));
                    t += 30 * 60;
                }
                back(rows, person, p, m, t, random);
            }
        }
        return rows;
    }

    private long favourite(int p, SplittableRandom random) {
        return favourites[p * FAVOURITES + random.nextInt(FAVOURITES)];
    }

    private static long shopCheckout(long m, long t, SplittableRandom random) {
        return random.nextInt(100) < 25 ? m + (t + 10 * 60 + random.nextInt(50 * 60)) * 1000 : 0;
    }

    /** Back through the home gate after the last stop; some gates do not ask residents to scan coming home. */
    private void back(DayRows rows, long person, int p, long m, long t, SplittableRandom random) {
        if (random.nextInt(100) < 80) {
            long home = Math.min(t + 15 * 60 + random.nextInt(60 * 60), sec(23, 50));
            rows.add(person, gate[p], m + home * 1000, 0);
        }
    }

    private static long sec(int hour, int minute) {
        return hour * 3600L + minute * 60L;
    }

    private static List<CityVenue> filter(List<CityVenue> venues, Set<String> categories) {
        return venues.stream().filter(v -> categories.contains(v.category())).toList();
    }

    private List<CityVenue> orAll(List<CityVenue> some) {
        return some.isEmpty() ? anywhere : some;
    }

    private static List<CityVenue> orAll(List<CityVenue> some, List<CityVenue> all) {
        return some.isEmpty() ? all : some;
    }

    private static Map<String, List<CityVenue>> byTown(List<CityVenue> venues) {
        Map<String, List<CityVenue>> result = new HashMap<>();
        for (CityVenue venue : venues) {
            result.computeIfAbsent(venue.town(), town -> new ArrayList<>()).add(venue);
        }
        return result;
    }

    /** The ids of the {@code n} venues nearest to {@code home} (same town first when coordinates are missing). */
    private static long[] nearest(CityVenue home, List<CityVenue> candidates, int n) {
        Comparator<CityVenue> order = home.located()
                ? Comparator.comparingDouble(v -> v.located() ? home.distance2(v) : Double.MAX_VALUE)
                : Comparator.comparingInt(v -> v.town().equals(home.town()) ? 0 : 1);
        return candidates.stream().sorted(order).limit(n).mapToLong(CityVenue::id).toArray();
    }

    private static CityVenue pick(List<CityVenue> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }
}
