package org.jiaxing.project.web;

import java.util.HashMap;
import java.util.Map;
import org.jiaxing.project.domain.ProgressQuery;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the progress table that keep the filter: sort headers, export, print. */
public record TableLinks(ProgressQuery query) {

    public String sort(String key) {
        boolean desc = key.equals(query.sort()) && !query.desc();
        return with("/projects", key, desc);
    }

    public String export() {
        return with("/projects/export.xlsx", query.sort(), query.desc());
    }

    public String arrow(String key) {
        return key.equals(query.sort()) ? (query.desc() ? " ▼" : " ▲") : "";
    }

    /**
     * Filter values go in as URI variables: {@code encode()} then encodes them strictly, so a search for
     * {@code a&colour=RED} or {@code {x}} stays one {@code q} value instead of adding parameters or being
     * read as a template.
     */
    private String with(String path, String sort, boolean desc) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new HashMap<>();
        param(b, values, "q", query.q());
        param(b, values, "town", query.town());
        param(b, values, "colour", query.colour());
        param(b, values, "type", query.type());
        param(b, values, "sort", sort);
        if (desc) {
            b.queryParam("desc", "true");
        }
        return b.encode().buildAndExpand(values).toUriString();
    }

    private static void param(UriComponentsBuilder b, Map<String, Object> values, String name, String value) {
        if (value != null) {
            b.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
