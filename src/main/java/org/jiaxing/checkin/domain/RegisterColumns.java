package org.jiaxing.checkin.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.shared.csv.CsvRecord;

/** Where each column of a register sits, read from its header; unknown columns are ignored. */
final class RegisterColumns {

    static final String VENUE_CODE = "venue_code";
    static final String PHONE = "phone";
    static final String NAME = "name";
    static final String CHECKED_IN_AT = "checked_in_at";
    static final String CHECKED_OUT_AT = "checked_out_at";

    /** Name and check-out may be left out altogether: the visit is keyed by phone, the check-out is optional. */
    static final List<String> REQUIRED = List.of(VENUE_CODE, PHONE, CHECKED_IN_AT);
    static final List<String> ALL = List.of(VENUE_CODE, PHONE, NAME, CHECKED_IN_AT, CHECKED_OUT_AT);

    private final Map<String, Integer> index;
    private final int width;

    private RegisterColumns(Map<String, Integer> index, int width) {
        this.index = index;
        this.width = width;
    }

    static RegisterColumns of(CsvRecord header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalize(header.cell(i));
            if (ALL.contains(name) && index.putIfAbsent(name, i) != null) {
                throw InvalidCheckinFile.duplicateColumn(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw InvalidCheckinFile.missingColumns(String.join(", ", missing));
        }
        return new RegisterColumns(index, header.cells().size());
    }

    /** How many fields every row must have: as many as the header (RFC 4180). */
    int width() {
        return width;
    }

    /** The stripped cell of a column; {@code null} when the column is absent or the cell blank. */
    String get(CsvRecord row, String column) {
        Integer at = index.get(column);
        String value = at == null ? null : row.cell(at);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normalize(String header) {
        // a BOM that survived decoding, or spaces and case from hand-made headers
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
