package org.jiaxing.shared.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line  where the record starts in the file, 1-based, as a text editor or spreadsheet shows it
 * @param cells the fields, unquoted
 * @param flaw  what breaks RFC 4180 in this record, {@link Flaw#NONE} when nothing does
 */
public record CsvRecord(int line, List<String> cells, Flaw flaw) {

    /** What can be wrong with one record; each importer decides how strict it is. */
    public enum Flaw {
        NONE,
        /** A quote inside an unquoted field, or text after a closing quote ({@code ab"c}, {@code "a"b}). */
        STRAY_QUOTE,
        /** A quoted field that never closes: it swallowed the rest of the file, so this is the last record. */
        UNCLOSED_QUOTE
    }

    public CsvRecord {
        cells = List.copyOf(cells);
    }

    public CsvRecord(int line, List<String> cells) {
        this(line, cells, Flaw.NONE);
    }

    /** The cell at {@code index}, or {@code null} when the record is shorter. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    public boolean blank() {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    public boolean wellFormed() {
        return flaw == Flaw.NONE;
    }
}
