package org.jiaxing.project.web;

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

    private String with(String path, String sort, boolean desc) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (query.q() != null) {
            b.queryParam("q", query.q());
        }
        if (query.town() != null) {
            b.queryParam("town", query.town());
        }
        if (query.colour() != null) {
            b.queryParam("colour", query.colour());
        }
        if (query.type() != null) {
            b.queryParam("type", query.type());
        }
        b.queryParam("sort", sort);
        if (desc) {
            b.queryParam("desc", "true");
        }
        return b.encode().build().toUriString();
    }
}
