package org.jiaxing.demo;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jiaxing.venue.VenueDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo set matches issue 2 and the schema, whatever the seed. */
class DemoVenueGeneratorTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    // Pinghu spans 120°57′–121°16′ E and 30°35′–30°52′ N (stated here independently of the generator).
    private static final double WEST = 120 + 57 / 60.0;
    private static final double EAST = 121 + 16 / 60.0;
    private static final double SOUTH = 30 + 35 / 60.0;
    private static final double NORTH = 30 + 52 / 60.0;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PINGHU_LANDLINE = Pattern.compile("0573-8\\d{7}");
    private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void hasTheSizeTheIssueAsksFor(long seed) {
        List<VenueDraft> venues = DemoVenueGenerator.generate(seed);

        assertThat(venues).hasSize(4_421);
        assertThat(venues).filteredOn(venue -> venue.categoryCode().equals("MEDICAL")).hasSize(210);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void coversExactlyTheCategoriesAndTownsOfTheSchema(long seed) throws IOException {
        List<VenueDraft> venues = DemoVenueGenerator.generate(seed);

        Map<String, String> categories = rowsOf("V2__venues.sql", "venue_category", "[A-Z_]+");
        Map<String, String> towns = rowsOf("V1__towns_and_accounts.sql", "town", "[a-z]+");
        assertThat(categories).hasSize(32);
        assertThat(towns).hasSize(9);
        assertThat(venues.stream().map(VenueDraft::categoryCode).collect(toSet())).isEqualTo(categories.keySet());
        assertThat(venues.stream().map(VenueDraft::townCode).collect(toSet())).isEqualTo(towns.keySet());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void codesRunFromPh0001AndNamesAreUnique(long seed) {
        List<VenueDraft> venues = DemoVenueGenerator.generate(seed);

        assertThat(venues).extracting(VenueDraft::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 4_421).mapToObj("PH-%04d"::formatted).toList());
        assertThat(venues).extracting(VenueDraft::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void everyVenueIsCompleteAndFitsTheColumns(long seed) throws IOException {
        Map<String, String> townNames = rowsOf("V1__towns_and_accounts.sql", "town", "[a-z]+");

        for (VenueDraft venue : DemoVenueGenerator.generate(seed)) {
            assertThat(List.of(venue.code(), venue.name(), venue.categoryCode(), venue.townCode(), venue.address(),
                    venue.contactName(), venue.contactPhone())).as("%s", venue).allSatisfy(field -> assertThat(field).isNotBlank());
            assertThat(venue.code().length()).as("code of %s", venue).isLessThanOrEqualTo(32);
            assertThat(venue.name().length()).as("name of %s", venue).isLessThanOrEqualTo(200);
            assertThat(venue.address().length()).as("address of %s", venue).isLessThanOrEqualTo(300);
            assertThat(venue.contactName().length()).as("contact of %s", venue).isBetween(2, 64);
            assertThat(venue.contactPhone().length()).as("phone of %s", venue).isLessThanOrEqualTo(32);
            if (venue.openingHours() != null) {
                assertThat(venue.openingHours().length()).as("hours of %s", venue).isLessThanOrEqualTo(32);
            }
            assertThat(venue.address()).as("address of %s", venue)
                    .startsWith("浙江省平湖市" + townNames.get(venue.townCode())).endsWith(" 号");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void coordinatesLieInPinghuAndAreSometimesMissing(long seed) {
        List<VenueDraft> venues = DemoVenueGenerator.generate(seed);

        for (VenueDraft venue : venues) {
            assertThat(venue.longitude() == null).as("both or neither coordinate: %s", venue).isEqualTo(venue.latitude() == null);
            if (venue.longitude() != null) {
                assertThat(venue.longitude()).as("longitude of %s", venue).isBetween(WEST, EAST);
                assertThat(venue.latitude()).as("latitude of %s", venue).isBetween(SOUTH, NORTH);
            }
        }
        long missing = venues.stream().filter(venue -> venue.longitude() == null).count();
        assertThat(missing).as("venues without coordinates").isBetween(100L, 350L);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_200_124L})
    void phonesAndOpeningHoursAreWellFormed(long seed) {
        List<VenueDraft> venues = DemoVenueGenerator.generate(seed);

        assertThat(venues).allSatisfy(venue -> assertThat(venue.contactPhone())
                .satisfiesAnyOf(phone -> assertThat(phone).matches(MOBILE), phone -> assertThat(phone).matches(PINGHU_LANDLINE)));
        assertThat(venues).anySatisfy(venue -> assertThat(venue.contactPhone()).matches(MOBILE));
        assertThat(venues).anySatisfy(venue -> assertThat(venue.contactPhone()).matches(PINGHU_LANDLINE));

        for (VenueDraft venue : venues) {
            if (venue.openingHours() != null) {
                Matcher hours = HOURS.matcher(venue.openingHours());
                assertThat(hours.matches()).as("hours of %s", venue).isTrue();
                assertThat(List.of(hours.group(1), hours.group(3))).as("hours of %s", venue)
                        .allSatisfy(hour -> assertThat(Integer.parseInt(hour)).isBetween(0, 23));
                assertThat(List.of(hours.group(2), hours.group(4))).as("minutes of %s", venue)
                        .allSatisfy(minute -> assertThat(Integer.parseInt(minute)).isBetween(0, 59));
            }
            if (venue.expectedDailyVisitors() != null) {
                assertThat(venue.expectedDailyVisitors()).as("visitors of %s", venue).isPositive();
            }
        }
        assertThat(venues).anySatisfy(venue -> assertThat(venue.openingHours()).isNull());
        assertThat(venues).anySatisfy(venue -> assertThat(venue.expectedDailyVisitors()).isNull());
        assertThat(venues).as("some venue open past midnight")
                .anySatisfy(venue -> assertThat(venue.openingHours()).isEqualTo("14:00-02:00"));
    }

    @Test
    void portsAreOnlyOnTheCoast() {
        List<VenueDraft> ports = DemoVenueGenerator.generate(7L).stream()
                .filter(venue -> venue.categoryCode().equals("PORT")).toList();

        assertThat(ports).isNotEmpty().extracting(VenueDraft::townCode).containsOnly("zhapu", "dushangang");
    }

    @Test
    void theCityCentreHasTheMostVenuesAndIndustryIsOutsideIt() {
        List<VenueDraft> venues = DemoVenueGenerator.generate(7L);

        Map<String, Long> perTown = count(venues, VenueDraft::townCode);
        assertThat(perTown.get("danghu")).isEqualTo(perTown.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        Map<String, Long> factories = count(venues.stream().filter(venue -> venue.categoryCode().equals("FACTORY")).toList(),
                VenueDraft::townCode);
        assertThat(factories.get("zhongdai")).isGreaterThan(factories.get("danghu"));
        assertThat(factories.get("dushangang")).isGreaterThan(factories.get("danghu"));
        assertThat(venues).filteredOn(venue -> venue.name().equals("平湖市第一人民医院"))
                .singleElement().satisfies(hospital -> {
                    assertThat(hospital.townCode()).isEqualTo("danghu");
                    assertThat(hospital.categoryCode()).isEqualTo("MEDICAL");
                    assertThat(hospital.openingHours()).isEqualTo("00:00-23:59");
                });
    }

    @Test
    void theSameSeedGivesTheSameVenuesAndAnotherSeedOthers() {
        assertThat(DemoVenueGenerator.generate(2024L)).isEqualTo(DemoVenueGenerator.generate(2024L));
        assertThat(DemoVenueGenerator.generate(2024L)).isNotEqualTo(DemoVenueGenerator.generate(2025L));
    }

    @Test
    void sharesAddUpExactlyAndSkipTownsWithoutWeight() {
        int[] split = TownShares.largestRemainder(10, new double[] {3, 0, 3, 3});

        assertThat(split).containsExactly(4, 0, 3, 3);
        assertThat(IntStream.of(TownShares.largestRemainder(4_421, new double[] {30, 13, 8, 13, 7, 8, 10, 6, 5})).sum())
                .isEqualTo(4_421);
    }

    /** Rows of an {@code INSERT INTO table (code, name_zh, …) VALUES …;} migration: code → Chinese name. */
    private static Map<String, String> rowsOf(String migration, String table, String codePattern) throws IOException {
        String sql = Files.readString(MIGRATIONS.resolve(migration));
        Matcher insert = Pattern.compile("INSERT INTO " + table + " \\([^)]*\\) VALUES(.*?);", Pattern.DOTALL).matcher(sql);
        assertThat(insert.find()).as("INSERT INTO %s in %s", table, migration).isTrue();
        Matcher row = Pattern.compile("\\('(" + codePattern + ")',\\s*'([^']+)'").matcher(insert.group(1));
        Map<String, String> rows = new LinkedHashMap<>();
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }

    private static Map<String, Long> count(List<VenueDraft> venues, Function<VenueDraft, String> key) {
        return venues.stream().map(key).filter(Objects::nonNull).collect(groupingBy(Function.identity(), counting()));
    }
}
