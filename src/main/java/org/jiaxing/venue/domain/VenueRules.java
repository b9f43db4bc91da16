package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.VenueDraft;

/**
 * The field rules of a venue, as plain functions (no database): what every form, API call, import
 * row and demo record must satisfy. Uniqueness of the code needs the database and is checked by the
 * registry.
 */
public final class VenueRules {

    static final int CODE_MAX = 32;
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 300;
    static final int CONTACT_NAME_MAX = 64;
    static final int PHONE_MAX = 32;
    // Mainland China lies within these bounds (with some margin); anything else is a typo or swapped axes.
    static final double LONGITUDE_MIN = 73;
    static final double LONGITUDE_MAX = 136;
    static final double LATITUDE_MIN = 3;
    static final double LATITUDE_MAX = 54;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern PHONE = Pattern.compile("[0-9+-]+");
    private static final String TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]";
    // Closing at 24:00 is how round-the-clock venues write it; overnight hours (18:00-02:00) are fine too.
    private static final Pattern HOURS = Pattern.compile(TIME + "-(?:" + TIME + "|24:00)");

    private VenueRules() {
    }

    /** Trims every text, turns blanks into {@code null} and upper-cases the code ({@code ph-1} = {@code PH-1}). */
    public static VenueDraft normalize(VenueDraft d) {
        String code = clean(d.code());
        return new VenueDraft(code == null ? null : code.toUpperCase(Locale.ROOT), clean(d.name()),
                clean(d.categoryCode()), clean(d.townCode()), clean(d.address()), d.longitude(), d.latitude(),
                clean(d.contactName()), clean(d.contactPhone()), clean(d.openingHours()), d.expectedDailyVisitors());
    }

    /** Every problem of a normalized draft, in field order; empty when the draft is valid. */
    public static List<Problem> check(VenueDraft d, Predicate<String> categoryExists, Predicate<String> townExists) {
        List<Problem> problems = new ArrayList<>();
        if (required(problems, "code", d.code()) && !tooLong(problems, "code", d.code(), CODE_MAX)
                && !CODE.matcher(d.code()).matches()) {
            problems.add(Problem.of("code", "venue.error.code.pattern"));
        }
        if (required(problems, "name", d.name())) {
            tooLong(problems, "name", d.name(), NAME_MAX);
        }
        if (required(problems, "categoryCode", d.categoryCode()) && !categoryExists.test(d.categoryCode())) {
            problems.add(Problem.of("categoryCode", "venue.error.categoryCode.unknown", d.categoryCode()));
        }
        if (required(problems, "townCode", d.townCode()) && !townExists.test(d.townCode())) {
            problems.add(Problem.of("townCode", "venue.error.townCode.unknown", d.townCode()));
        }
        if (required(problems, "address", d.address())) {
            tooLong(problems, "address", d.address(), ADDRESS_MAX);
        }
        checkCoordinates(problems, d.longitude(), d.latitude());
        if (d.contactName() != null) {
            tooLong(problems, "contactName", d.contactName(), CONTACT_NAME_MAX);
        }
        if (d.contactPhone() != null && !tooLong(problems, "contactPhone", d.contactPhone(), PHONE_MAX)
                && !PHONE.matcher(d.contactPhone()).matches()) {
            problems.add(Problem.of("contactPhone", "venue.error.contactPhone.pattern"));
        }
        if (d.openingHours() != null && !HOURS.matcher(d.openingHours()).matches()) {
            problems.add(Problem.of("openingHours", "venue.error.openingHours.pattern"));
        }
        if (d.expectedDailyVisitors() != null && d.expectedDailyVisitors() < 0) {
            problems.add(Problem.of("expectedDailyVisitors", "venue.error.expectedDailyVisitors.negative"));
        }
        return problems;
    }

    private static void checkCoordinates(List<Problem> problems, Double longitude, Double latitude) {
        if (longitude == null && latitude != null) {
            problems.add(Problem.of("longitude", "venue.error.coordinates.pair"));
        } else if (latitude == null && longitude != null) {
            problems.add(Problem.of("latitude", "venue.error.coordinates.pair"));
        }
        // written as "not within" so that NaN, which fails every comparison, is rejected too
        if (longitude != null && !(longitude >= LONGITUDE_MIN && longitude <= LONGITUDE_MAX)) {
            problems.add(Problem.of("longitude", "venue.error.longitude.range", LONGITUDE_MIN, LONGITUDE_MAX));
        }
        if (latitude != null && !(latitude >= LATITUDE_MIN && latitude <= LATITUDE_MAX)) {
            problems.add(Problem.of("latitude", "venue.error.latitude.range", LATITUDE_MIN, LATITUDE_MAX));
        }
    }

    private static boolean required(List<Problem> problems, String field, String value) {
        if (value == null) {
            problems.add(Problem.of(field, "venue.error." + field + ".required"));
            return false;
        }
        return true;
    }

    private static boolean tooLong(List<Problem> problems, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(Problem.of(field, "venue.error.tooLong", max));
            return true;
        }
        return false;
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
