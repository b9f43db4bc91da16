package org.jiaxing.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jiaxing.venue.VenueDraft;

/** One run of the generator: a single seeded {@link Random} and the names handed out so far. */
final class Generation {

    private static final int NAME_ATTEMPTS = 60;
    private static final double NO_COORDINATES = 0.05;
    private static final double NO_HOURS = 0.03;
    private static final double NO_VISITORS = 0.06;

    private final DemoData data;
    private final Random random;
    private final Set<String> names = new HashSet<>();
    private final List<VenueDraft> venues = new ArrayList<>();

    Generation(DemoData data, long seed) {
        this.data = data;
        this.random = new Random(seed);
    }

    List<VenueDraft> run(int[][] shares) {
        for (int t = 0; t < data.towns().size(); t++) {
            TownProfile town = data.towns().get(t);
            for (int c = 0; c < data.categories().size(); c++) {
                CategoryProfile category = data.categories().get(c);
                List<Template> landmarks = category.landmarksIn(town.code());
                for (int i = 0; i < shares[t][c]; i++) {
                    venues.add(venue(town, category, i < landmarks.size() ? landmarks.get(i) : null));
                }
            }
        }
        return List.copyOf(venues);
    }

    private VenueDraft venue(TownProfile town, CategoryProfile category, Template landmark) {
        Named named = landmark != null ? named(landmark, town) : newName(town, category);
        Template template = named.template();
        Place place = named.place();
        boolean inVillage = template.inVillage();
        boolean located = random.nextDouble() >= NO_COORDINATES;
        Double longitude = located ? coordinate(town.longitude(), town, inVillage, DemoVenueGenerator.MIN_LONGITUDE,
                DemoVenueGenerator.MAX_LONGITUDE) : null;
        Double latitude = located ? coordinate(town.latitude(), town, inVillage, DemoVenueGenerator.MIN_LATITUDE,
                DemoVenueGenerator.MAX_LATITUDE) : null;
        String phone = random.nextDouble() < category.landlineShare() ? Contacts.landline(random) : Contacts.mobile(random);
        return new VenueDraft("PH-" + Contacts.digits(venues.size() + 1, 4), named.name(), category.code(), town.code(),
                address(place, category, inVillage), longitude, latitude, data.words().expand("{person}", place, random),
                phone, hours(template, category), visitors(template, category));
    }

    private Named newName(TownProfile town, CategoryProfile category) {
        Named candidate = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            candidate = expand(category.namesIn(town.code()).pick(random), town);
            if (!names.contains(candidate.name())) {
                break;
            }
        }
        return claim(candidate);
    }

    private Named named(Template landmark, TownProfile town) {
        return claim(expand(landmark, town));
    }

    private Named expand(Template template, TownProfile town) {
        Place place = Place.pick(town, random);
        return new Named(data.words().expand(template.pattern(), place, random), template, place);
    }

    /** Takes the name, numbering it "（2）", "（3）"… in the rare case the templates ran out of new ones. */
    private Named claim(Named named) {
        String name = named.name();
        for (int n = 2; names.contains(name); n++) {
            name = named.name() + "（" + n + "）";
        }
        names.add(name);
        return new Named(name, named.template(), named.place());
    }

    private String address(Place place, CategoryProfile category, boolean inVillage) {
        String prefix = "浙江省平湖市" + place.town().name();
        if (inVillage) {
            return prefix + place.village() + "村 " + (1 + random.nextInt(16)) + " 组 " + (1 + random.nextInt(120)) + " 号";
        }
        return prefix + place.road() + " " + category.houseNumbers().skewed(random, 1.5) + " 号";
    }

    /** Normally spread around the town centre, villages twice as far out, never outside Pinghu. */
    private double coordinate(double centre, TownProfile town, boolean inVillage, double min, double max) {
        double spread = town.spread() * (inVillage ? 2 : 1);
        double value = centre + random.nextGaussian() * spread;
        for (int attempt = 0; attempt < 20 && (value < min || value > max); attempt++) {
            value = centre + random.nextGaussian() * spread;
        }
        return Math.round(Math.clamp(value, min, max) * 1e6) / 1e6;
    }

    private String hours(Template template, CategoryProfile category) {
        // A landmark or special kind (村卫生室, 早餐店) keeps its own hours; others sometimes have none on file.
        String hours = template.hours() != null ? template.hours() : category.hours().pick(random);
        if (template.hours() == null && random.nextDouble() < NO_HOURS) {
            return null;
        }
        return Template.NO_HOURS.equals(hours) ? null : hours;
    }

    private Integer visitors(Template template, CategoryProfile category) {
        if (random.nextDouble() < NO_VISITORS) {
            return null;
        }
        int visitors = (template.visitors() != null ? template.visitors() : category.visitors()).skewed(random, 1.7);
        if (visitors >= 1000) {
            return Math.round(visitors / 50f) * 50;
        }
        return visitors >= 100 ? Math.round(visitors / 10f) * 10 : visitors;
    }

    private record Named(String name, Template template, Place place) {
    }
}
