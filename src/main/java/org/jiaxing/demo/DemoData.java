package org.jiaxing.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The demo data tables in {@code src/main/resources/demo/}, read once and checked as a whole: a typo in
 * a town code, a placeholder without a word list or bad opening hours fails on loading, not in the
 * middle of seeding. Lists keep the order of the files; maps are only looked up, never iterated.
 */
record DemoData(List<TownProfile> towns, List<CategoryProfile> categories, Words words) {

    private static final String FOLDER = "/demo/";

    private static final List<String> TOWN_FIELDS = List.of("name", "short", "centre", "spread", "weight", "roads",
            "villages", "communities");
    private static final List<String> CATEGORY_FIELDS = List.of("count", "only", "affinity", "landmarks", "names", "hours",
            "visitors", "landline", "numbers");
    private static final List<String> PER_TOWN_CATEGORY_FIELDS = List.of("landmarks", "names");

    static DemoData load() {
        Props townFile = Props.read("pinghu-towns.properties");
        Props wordFile = Props.read("pinghu-words.properties");
        Props categoryFile = Props.read("pinghu-categories.properties");

        List<TownProfile> towns = townFile.list("towns").stream().map(code -> town(townFile, code)).toList();
        List<String> townCodes = towns.stream().map(TownProfile::code).toList();
        Words words = new Words(wordLists(wordFile));
        List<CategoryProfile> categories = categoryFile.list("categories").stream()
                .map(code -> category(categoryFile, code, townCodes)).toList();
        categories.forEach(category -> category.names().values().forEach(names -> names.items()
                .forEach(template -> words.checkResolvable(template.pattern()))));
        categories.forEach(category -> category.landmarks().values().forEach(landmarks -> landmarks
                .forEach(template -> words.checkResolvable(template.pattern()))));
        words.checkResolvable("{person}");
        townFile.requireOnlyKeys(knownTownKeys(townCodes));
        categoryFile.requireOnlyKeys(knownCategoryKeys(categories));
        return new DemoData(towns, categories, words);
    }

    private static Set<String> knownTownKeys(List<String> townCodes) {
        Set<String> keys = new HashSet<>(Set.of("towns"));
        townCodes.forEach(town -> TOWN_FIELDS.forEach(field -> keys.add("town." + town + "." + field)));
        return keys;
    }

    /** So that a misspelt key ("PORT.names.zapu") fails loudly instead of being ignored. */
    private static Set<String> knownCategoryKeys(List<CategoryProfile> categories) {
        Set<String> keys = new HashSet<>(Set.of("categories"));
        for (CategoryProfile category : categories) {
            CATEGORY_FIELDS.forEach(field -> keys.add(category.code() + "." + field));
            for (String field : PER_TOWN_CATEGORY_FIELDS) {
                category.towns().forEach(town -> keys.add(category.code() + "." + field + "." + town));
            }
        }
        return keys;
    }

    private static TownProfile town(Props file, String code) {
        String prefix = "town." + code + ".";
        String[] centre = file.required(prefix + "centre").split("\\s+");
        return new TownProfile(code, file.required(prefix + "name"), file.required(prefix + "short"),
                Double.parseDouble(centre[0]), Double.parseDouble(centre[1]),
                Double.parseDouble(file.required(prefix + "spread")), Double.parseDouble(file.required(prefix + "weight")),
                Weighted.parse(file.list(prefix + "roads"), s -> s), Weighted.parse(file.list(prefix + "villages"), s -> s),
                Weighted.parse(file.list(prefix + "communities"), s -> s));
    }

    private static Map<String, Weighted<String>> wordLists(Props file) {
        Map<String, Weighted<String>> lists = new HashMap<>();
        for (String key : file.keysStartingWith("word.")) {
            lists.put(key.substring("word.".length()), Weighted.parse(file.list(key), s -> s));
        }
        return lists;
    }

    private static CategoryProfile category(Props file, String code, List<String> townCodes) {
        String prefix = code + ".";
        List<String> towns = file.optional(prefix + "only") == null ? townCodes : file.list(prefix + "only");
        towns.forEach(town -> requireTown(town, townCodes, prefix + "only"));

        Map<String, Double> affinity = new HashMap<>();
        if (file.optional(prefix + "affinity") != null) {
            for (String entry : file.list(prefix + "affinity")) {
                String[] townAndFactor = entry.split(":");
                requireTown(townAndFactor[0].strip(), townCodes, prefix + "affinity");
                affinity.put(townAndFactor[0].strip(), Double.parseDouble(townAndFactor[1].strip()));
            }
        }
        for (String town : townCodes) {
            if (!towns.contains(town) && file.optional(prefix + "landmarks." + town) != null) {
                throw new IllegalStateException(prefix + "landmarks." + town + ": " + code + " is not in " + town);
            }
        }

        List<String> baseNames = file.list(prefix + "names");
        Map<String, List<Template>> landmarks = new LinkedHashMap<>();
        Map<String, Weighted<Template>> names = new LinkedHashMap<>();
        for (String town : towns) {
            List<String> townLandmarks = new ArrayList<>(file.listOrEmpty(prefix + "landmarks"));
            townLandmarks.addAll(file.listOrEmpty(prefix + "landmarks." + town));
            landmarks.put(town, townLandmarks.stream().map(Template::parse).toList());
            List<String> townNames = new ArrayList<>(baseNames);
            townNames.addAll(file.listOrEmpty(prefix + "names." + town));
            names.put(town, Weighted.parse(townNames, Template::parse));
        }

        String landline = file.optional(prefix + "landline");
        String numbers = file.optional(prefix + "numbers");
        return new CategoryProfile(code, Integer.parseInt(file.required(prefix + "count")), towns, affinity,
                landmarks, names, Weighted.parse(file.list(prefix + "hours"), Template::checkHours),
                Range.parse(file.required(prefix + "visitors")), landline == null ? 0.3 : Double.parseDouble(landline),
                numbers == null ? new Range(1, 599) : Range.parse(numbers));
    }

    private static void requireTown(String town, List<String> townCodes, String key) {
        if (!townCodes.contains(town)) {
            throw new IllegalStateException(key + ": unknown town " + town);
        }
    }

    /** A UTF-8 properties file where list values are separated by "|". */
    private record Props(String file, Properties properties) {

        static Props read(String file) {
            try (InputStream in = DemoData.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + FOLDER + file);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return new Props(file, properties);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + file, e);
            }
        }

        String optional(String key) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String key) {
            String value = optional(key);
            if (value == null) {
                throw new IllegalStateException(file + ": missing " + key);
            }
            return value;
        }

        List<String> list(String key) {
            return Arrays.stream(required(key).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        List<String> listOrEmpty(String key) {
            return optional(key) == null ? List.of() : list(key);
        }

        void requireOnlyKeys(Set<String> known) {
            List<String> unknown = properties.stringPropertyNames().stream().filter(key -> !known.contains(key))
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(file + ": unknown keys " + unknown);
            }
        }

        /** Sorted, so that nothing downstream can depend on the hash order of {@link Properties}. */
        List<String> keysStartingWith(String prefix) {
            return properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
        }
    }
}
