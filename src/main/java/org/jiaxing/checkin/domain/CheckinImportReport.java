package org.jiaxing.checkin.domain;

import java.util.List;

/**
 * The outcome of importing a register.
 *
 * @param rows       check-in rows in the file (blank lines not counted)
 * @param imported   new check-ins written
 * @param duplicates rows that made no new check-in: already recorded (the same person, venue and time,
 *                   e.g. a file imported twice) or folded by dedup into another row's visit
 * @param rejected   rows with at least one error
 * @param applied    whether the rows were recorded; {@code false} when any row was bad (all-or-nothing)
 * @param errors     every problem of every bad row, ordered by line
 */
public record CheckinImportReport(int rows, int imported, int duplicates, int rejected, boolean applied,
        List<RowError> errors) {

    public CheckinImportReport {
        errors = List.copyOf(errors);
    }

    /** The message key that sums the outcome up for people. */
    public String outcomeKey() {
        return applied ? "checkin.import.report.applied" : "checkin.import.report.notApplied";
    }

    /**
     * One problem of one row.
     *
     * @param line       the line the row starts on, as a text editor shows it
     * @param messageKey message bundle key, resolved with {@code args}
     */
    public record RowError(int line, String messageKey, List<Object> args) {

        public RowError {
            args = List.copyOf(args);
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
