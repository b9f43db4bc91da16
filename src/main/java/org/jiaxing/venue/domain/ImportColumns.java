package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.venue.InvalidImportFile;

/** Where each known column sits in an import file, read from its header row. */
final class ImportColumns {

    static final List<String> REQUIRED = List.of("code", "name", "category", "town", "address", "longitude",
            "latitude", "contact_name", "contact_phone");
    static final List<String> OPTIONAL = List.of("opening_hours", "expected_daily_visitors", "status");
    /** Export writes these, in this order; import reads them back. */
    static final List<String> ALL = concat(REQUIRED, OPTIONAL);

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("name", "name"), Map.entry("categoryCode", "category"),
            Map.entry("townCode", "town"), Map.entry("address", "address"), Map.entry("longitude", "longitude"),
            Map.entry("latitude", "latitude"), Map.entry("contactName", "contact_name"),
            Map.entry("contactPhone", "contact_phone"), Map.entry("openingHours", "opening_hours"),
            Map.entry("expectedDailyVisitors", "expected_daily_visitors"), Map.entry("status", "status"));

    private final Map<String, Integer> index;

    private ImportColumns(Map<String, Integer> index) {
        this.index = index;
    }

    /** Unknown columns are ignored, so a file may carry the user's own notes. */
    static ImportColumns of(TableRow header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalize(header.cell(i));
            if (name.isEmpty() || !ALL.contains(name)) {
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                throw InvalidImportFile.duplicateColumn(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw InvalidImportFile.missingColumns(String.join(", ", missing));
        }
        return new ImportColumns(index);
    }

    /** The cell of a column, with export's formula guard undone; {@code null} when absent or blank. */
    String get(TableRow row, String column) {
        Integer at = index.get(column);
        String value = at == null ? null : row.cell(at);
        return value == null || value.isBlank() ? null : CellText.unguard(value);
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The import column a draft field comes from ({@code contactPhone} → {@code contact_phone}). */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static String normalize(String header) {
        // a BOM that survived decoding, or spaces and case from hand-made headers
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
