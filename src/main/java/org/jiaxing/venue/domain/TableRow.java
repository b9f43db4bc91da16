package org.jiaxing.venue.domain;

import java.util.List;

/**
 * One record of an uploaded table.
 *
 * @param line where the record starts in the file, 1-based, as a spreadsheet or text editor shows it
 */
record TableRow(int line, List<String> cells) {

    TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index}, or {@code null} when the row is shorter. */
    String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    boolean blank() {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
