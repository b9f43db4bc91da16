package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.List;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.VenueDraft;

/**
 * A venue as text, the way forms and import files deliver it. {@link #parse()} turns the numbers
 * into numbers and reports the ones that are not, field by field.
 */
public record VenueInput(String code, String name, String categoryCode, String townCode, String address,
        String longitude, String latitude, String contactName, String contactPhone, String openingHours,
        String expectedDailyVisitors) {

    public static VenueInput of(VenueDraft draft) {
        return new VenueInput(draft.code(), draft.name(), draft.categoryCode(), draft.townCode(), draft.address(),
                text(draft.longitude()), text(draft.latitude()), draft.contactName(), draft.contactPhone(),
                draft.openingHours(), text(draft.expectedDailyVisitors()));
    }

    /** The draft (unparseable numbers left empty) and the problems of the numbers that did not parse. */
    public Parsed parse() {
        List<Problem> problems = new ArrayList<>();
        Double lon = decimal(problems, "longitude", longitude);
        Double lat = decimal(problems, "latitude", latitude);
        Integer visitors = whole(problems, "expectedDailyVisitors", expectedDailyVisitors);
        VenueDraft draft = new VenueDraft(code, name, categoryCode, townCode, address, lon, lat, contactName,
                contactPhone, openingHours, visitors);
        return new Parsed(draft, problems);
    }

    public record Parsed(VenueDraft draft, List<Problem> problems) {
    }

    private static Double decimal(List<Problem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.of(field, "venue.error.number", text.strip()));
        return null;
    }

    private static Integer whole(List<Problem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "venue.error.wholeNumber", text.strip()));
            return null;
        }
    }

    private static String text(Number number) {
        if (number == null) {
            return null;
        }
        // 121.0 prints as "121.0" but 121.01492 must not become "121.01492000000001" or "1.2E2"
        return number instanceof Double d ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : number.toString();
    }
}
