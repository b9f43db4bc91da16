package org.jiaxing.org;

import java.util.List;
import java.util.Optional;

/** The towns of the city, reference data that changes only with a migration. */
public interface Towns {

    List<Town> all();

    Optional<Town> byCode(String code);

    /** Accepts the key ({@code guangchen}) or the Chinese name ({@code 广陈镇}), as import files do. */
    Optional<Town> byCodeOrName(String codeOrName);
}
