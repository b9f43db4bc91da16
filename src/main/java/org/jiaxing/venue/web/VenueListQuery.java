package org.jiaxing.venue.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list screen's query string ({@code ?q=&town=&category=&status=&page=}). Lenient on purpose:
 * an unknown status or a negative page from an edited URL shows everything or the first page.
 * Public because templates call its methods.
 */
public record VenueListQuery(String q, String town, String category, String status, Integer page) {

    static final int PAGE_SIZE = 25;
    private static final int MAX_TEXT = 100;

    VenueFilter filter() {
        return new VenueFilter(blankToNull(town), blankToNull(category), parsedStatus(), text());
    }

    int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    public VenueStatus parsedStatus() {
        String wanted = blankToNull(status);
        if (wanted == null) {
            return null;
        }
        try {
            return VenueStatus.valueOf(wanted.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private String text() {
        String text = blankToNull(q);
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /**
     * A link to {@code path} with this query's filters (and the page, when given). The filters go in as
     * URI variables so that {@code encode()} encodes them strictly: a search for {@code a&town=x} or
     * {@code {x}} stays one {@code q} value.
     */
    public String link(String path, Integer pageNumber) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new HashMap<>();
        addIfPresent(uri, values, "q", text());
        addIfPresent(uri, values, "town", blankToNull(town));
        addIfPresent(uri, values, "category", blankToNull(category));
        addIfPresent(uri, values, "status", parsedStatus() == null ? null : parsedStatus().name());
        if (pageNumber != null && pageNumber > 0) {
            uri.queryParam("page", pageNumber);
        }
        return uri.encode().buildAndExpand(values).toUriString();
    }

    private static void addIfPresent(UriComponentsBuilder uri, Map<String, Object> values, String name,
            String value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
