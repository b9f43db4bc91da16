package org.jiaxing.venue.domain;

import java.util.List;
import java.util.Optional;
import org.jiaxing.venue.VenueCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The 32 categories, read once: they are reference data that only a migration changes. */
@Component
public class CategoryCatalog {

    private final JdbcClient jdbc;
    private volatile List<VenueCategory> categories;

    CategoryCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VenueCategory> all() {
        List<VenueCategory> loaded = categories;
        if (loaded == null) {
            loaded = jdbc.sql("""
                    SELECT code, name_zh, name_en, dwell_minutes, close_minutes, linger_minutes
                    FROM venue_category ORDER BY sort_order""")
                    .query((rs, row) -> new VenueCategory(rs.getString("code"), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getInt("dwell_minutes"), rs.getInt("close_minutes"),
                            rs.getInt("linger_minutes")))
                    .list();
            categories = loaded;
        }
        return loaded;
    }

    public Optional<VenueCategory> byCode(String code) {
        return all().stream().filter(category -> category.code().equals(code)).findFirst();
    }

    /** Accepts the key ({@code MEDICAL}, any case), the Chinese or the English name, as import files do. */
    public Optional<VenueCategory> byCodeOrName(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String wanted = codeOrName.strip();
        return all().stream()
                .filter(category -> category.code().equalsIgnoreCase(wanted) || category.nameZh().equals(wanted)
                        || category.nameEn().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
