package org.jiaxing.project.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Filter and sort of the progress table. Unknown values fall back to defaults.
 *
 * @param sort one of {@link #SORTS}
 */
public record ProgressQuery(String q, String town, String colour, String type, String sort, boolean desc) {

    public static final Set<String> SORTS = Set.of("colour", "code", "name", "town", "stage", "deadline", "days",
            "percent", "owner");

    public ProgressQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        town = blank(town);
        colour = blank(colour);
        type = blank(type);
        sort = sort == null || !SORTS.contains(sort) ? "colour" : sort;
    }

    public static ProgressQuery all() {
        return new ProgressQuery(null, null, null, null, null, false);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    String lowerQ() {
        return q == null ? null : q.toLowerCase(Locale.ROOT);
    }
}
