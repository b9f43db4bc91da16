package org.jiaxing.venue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.TestVenues.aVenue;

import java.util.List;
import java.util.Set;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.TestVenues.Draft;
import org.jiaxing.venue.VenueDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VenueRulesTests {

    private static final Set<String> CATEGORIES = Set.of("SUPERMARKET", "MEDICAL");
    private static final Set<String> TOWNS = Set.of("danghu", "guangchen");

    @Test
    void aCompleteVenueIsValid() {
        assertThat(problems(aVenue("PH-0001"))).isEmpty();
    }

    @Test
    void onlyCodeNameCategoryTownAndAddressAreRequired() {
        VenueDraft minimal = new VenueDraft("PH-1", "药店", "MEDICAL", "guangchen", "广陈镇 1 号", null, null, null, null,
                null, null);
        assertThat(VenueRules.check(VenueRules.normalize(minimal), CATEGORIES::contains, TOWNS::contains)).isEmpty();
    }

    @Test
    void blankRequiredFieldsAreReportedAllAtOnce() {
        VenueDraft blank = new VenueDraft(" ", "", null, "  ", "\t", null, null, null, null, null, null);

        assertThat(keys(blank)).containsExactly("code:venue.error.code.required", "name:venue.error.name.required",
                "categoryCode:venue.error.categoryCode.required", "townCode:venue.error.townCode.required",
                "address:venue.error.address.required");
    }

    @Test
    void normalizingTrimsAndUpperCasesTheCode() {
        VenueDraft normalized = VenueRules.normalize(aVenue("  ph-0001 ").name("  名称 ").contact(" ", null).draft());

        assertThat(normalized.code()).isEqualTo("PH-0001");
        assertThat(normalized.name()).isEqualTo("名称");
        assertThat(normalized.contactName()).isNull();
    }

    @Test
    void codeHasAtMost32LettersDigitsOrDashesAndStartsWithALetterOrDigit() {
        assertThat(problems(aVenue("A".repeat(32)))).isEmpty();
        assertThat(keys(aVenue("A".repeat(33)))).containsExactly("code:venue.error.tooLong");
        assertThat(problems(aVenue("9-A-b"))).isEmpty();
        assertThat(keys(aVenue("-PH1"))).containsExactly("code:venue.error.code.pattern");
        assertThat(keys(aVenue("PH_1"))).containsExactly("code:venue.error.code.pattern");
        assertThat(keys(aVenue("PH 1"))).containsExactly("code:venue.error.code.pattern");
        assertThat(keys(aVenue("平湖1"))).containsExactly("code:venue.error.code.pattern");
    }

    @Test
    void nameHasAtMost200CharactersCountingChineseAsOne() {
        assertThat(problems(aVenue("PH-1").name("店".repeat(200)))).isEmpty();
        List<Problem> tooLong = problems(aVenue("PH-1").name("店".repeat(201)));
        assertThat(tooLong).containsExactly(Problem.of("name", "venue.error.tooLong", 200));
    }

    @Test
    void categoryAndTownMustExist() {
        assertThat(keys(aVenue("PH-1").category("CASINO").town("shanghai")))
                .containsExactly("categoryCode:venue.error.categoryCode.unknown", "townCode:venue.error.townCode.unknown");
    }

    @Test
    void coordinatesComeInPairsWithinChina() {
        assertThat(problems(aVenue("PH-1").coordinates(null, null))).isEmpty();
        assertThat(keys(aVenue("PH-1").coordinates(121.0, null))).containsExactly("latitude:venue.error.coordinates.pair");
        assertThat(keys(aVenue("PH-1").coordinates(null, 30.7))).containsExactly("longitude:venue.error.coordinates.pair");
        assertThat(problems(aVenue("PH-1").coordinates(73.0, 3.0))).isEmpty();
        assertThat(problems(aVenue("PH-1").coordinates(136.0, 54.0))).isEmpty();
        assertThat(keys(aVenue("PH-1").coordinates(72.99, 30.7))).containsExactly("longitude:venue.error.longitude.range");
        assertThat(keys(aVenue("PH-1").coordinates(136.01, 30.7))).containsExactly("longitude:venue.error.longitude.range");
        assertThat(keys(aVenue("PH-1").coordinates(121.0, 2.99))).containsExactly("latitude:venue.error.latitude.range");
        assertThat(keys(aVenue("PH-1").coordinates(121.0, 54.01))).containsExactly("latitude:venue.error.latitude.range");
        // latitude and longitude swapped is the typical mistake
        assertThat(keys(aVenue("PH-1").coordinates(30.7, 121.0)))
                .containsExactly("longitude:venue.error.longitude.range", "latitude:venue.error.latitude.range");
        assertThat(keys(aVenue("PH-1").coordinates(Double.NaN, 30.7))).containsExactly("longitude:venue.error.longitude.range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "0573-85012345", "+86-573-85012345", "12345678901234567890123456789012"})
    void acceptsPhoneNumbersOfDigitsDashesAndPlus(String phone) {
        assertThat(problems(aVenue("PH-1").contact("张三", phone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0573 8501 2345", "138-1234-5678 转 8", "(0573)85012345", "tel:123"})
    void rejectsOtherPhoneCharacters(String phone) {
        assertThat(keys(aVenue("PH-1").contact("张三", phone))).containsExactly("contactPhone:venue.error.contactPhone.pattern");
    }

    @Test
    void phoneHasAtMost32Characters() {
        assertThat(keys(aVenue("PH-1").contact("张三", "1".repeat(33)))).containsExactly("contactPhone:venue.error.tooLong");
        assertThat(keys(aVenue("PH-1").contact("张".repeat(65), null))).containsExactly("contactName:venue.error.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00-24:00", "08:00-22:00", "18:30-02:00", "23:59-00:00"})
    void acceptsOpeningHoursIncludingOvernight(String hours) {
        assertThat(problems(aVenue("PH-1").openingHours(hours))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8:00-22:00", "08:00~22:00", "24:00-08:00", "08:60-22:00", "08:00-24:01", "全天", "08:00"})
    void rejectsOtherOpeningHours(String hours) {
        assertThat(keys(aVenue("PH-1").openingHours(hours))).containsExactly("openingHours:venue.error.openingHours.pattern");
    }

    @Test
    void expectedVisitorsMayBeZeroButNotNegative() {
        assertThat(problems(aVenue("PH-1").visitors(0))).isEmpty();
        assertThat(keys(aVenue("PH-1").visitors(-1)))
                .containsExactly("expectedDailyVisitors:venue.error.expectedDailyVisitors.negative");
    }

    @Test
    void textNumbersThatDoNotParseAreReportedByField() {
        VenueInput input = new VenueInput("PH-1", "店", "MEDICAL", "danghu", "地址", "121,5", "30.7", null, null, null,
                "1.5");
        VenueInput.Parsed parsed = input.parse();

        assertThat(parsed.problems()).containsExactly(Problem.of("longitude", "venue.error.number", "121,5"),
                Problem.of("expectedDailyVisitors", "venue.error.wholeNumber", "1.5"));
        assertThat(parsed.draft().latitude()).isEqualTo(30.7);
    }

    @Test
    void numbersPrintWithoutExponentOrNoise() {
        VenueInput input = VenueInput.of(aVenue("PH-1").coordinates(121.01234567, 30.0).draft());

        assertThat(input.longitude()).isEqualTo("121.01234567");
        assertThat(input.latitude()).isEqualTo("30");
        assertThat(input.expectedDailyVisitors()).isEqualTo("1200");
    }

    private static List<Problem> problems(Draft draft) {
        return VenueRules.check(VenueRules.normalize(draft.draft()), CATEGORIES::contains, TOWNS::contains);
    }

    private static List<String> keys(Draft draft) {
        return keys(draft.draft());
    }

    private static List<String> keys(VenueDraft draft) {
        return VenueRules.check(VenueRules.normalize(draft), CATEGORIES::contains, TOWNS::contains).stream()
                .map(problem -> problem.field() + ":" + problem.messageKey()).toList();
    }
}
