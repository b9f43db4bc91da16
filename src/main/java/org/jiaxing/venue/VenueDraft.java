package org.jiaxing.venue;

/**
 * A venue as someone enters it (form, API, import row, demo data), before validation.
 *
 * @param categoryCode  category key ({@code MEDICAL}); import files may give the Chinese name instead,
 *                      which the importer resolves before building the draft
 * @param townCode      town key ({@code guangchen})
 * @param openingHours  {@code "08:00-22:00"} or {@code null}
 */
public record VenueDraft(String code, String name, String categoryCode, String townCode, String address,
        Double longitude, Double latitude, String contactName, String contactPhone, String openingHours,
        Integer expectedDailyVisitors) {
}
