package org.jiaxing.venue.domain;

import java.util.List;

/**
 * The outcome of an import.
 *
 * @param rows     venue rows in the file (blank lines not counted)
 * @param rejected rows with at least one error
 * @param applied  whether anything was written; {@code false} when all-or-nothing met a bad row
 * @param errors   every problem, ordered by line
 */
public record ImportReport(int rows, int created, int updated, int rejected, boolean applied, List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** The message key that sums the outcome up for people. */
    public String outcomeKey() {
        if (applied) {
            return "venue.import.report.applied";
        }
        // when no row is valid, suggesting "import the valid rows" would not help
        return rejected == rows ? "venue.import.report.noValidRows" : "venue.import.report.notApplied";
    }

    /**
     * One problem of one row.
     *
     * @param line       the line (CSV) or row number (XLSX) as the user's editor shows it
     * @param column     the import column at fault, e.g. {@code contact_phone}
     * @param messageKey message bundle key, resolved with {@code args}
     */
    public record RowError(int line, String column, String messageKey, List<Object> args) {

        public RowError {
            args = List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
