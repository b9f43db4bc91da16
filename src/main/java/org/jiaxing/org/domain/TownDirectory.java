package org.jiaxing.org.domain;

import java.util.List;
import java.util.Optional;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the nine towns once; they only change with a migration, so a restart picks up changes. */
@Service
class TownDirectory implements Towns {

    private final JdbcClient jdbc;
    private volatile List<Town> towns;

    TownDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Town> all() {
        List<Town> loaded = towns;
        if (loaded == null) {
            loaded = jdbc.sql("SELECT code, name_zh, name_en FROM town ORDER BY sort_order")
                    .query((rs, row) -> new Town(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
                    .list();
            towns = loaded;
        }
        return loaded;
    }

    @Override
    public Optional<Town> byCode(String code) {
        return all().stream().filter(town -> town.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Town> byCodeOrName(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String wanted = codeOrName.strip();
        return all().stream()
                .filter(town -> town.code().equalsIgnoreCase(wanted) || town.nameZh().equals(wanted)
                        || town.nameEn().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
