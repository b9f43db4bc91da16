package org.jiaxing.shared.csv;

/**
 * A CSV file that cannot be read at all (as opposed to flawed records, which {@link CsvRecord#flaw()}
 * reports). Not shown to users as such: each module turns it into its own localized error.
 */
public class UnreadableCsv extends RuntimeException {

    public enum Reason {
        /** Neither UTF-8 nor GB18030 text. */
        NOT_TEXT,
        /** More records than the caller's limit, header not counted. */
        TOO_MANY_RECORDS
    }

    private final Reason reason;
    private final int limit;

    private UnreadableCsv(Reason reason, int limit) {
        super(reason.name());
        this.reason = reason;
        this.limit = limit;
    }

    static UnreadableCsv notText() {
        return new UnreadableCsv(Reason.NOT_TEXT, 0);
    }

    static UnreadableCsv tooManyRecords(int limit) {
        return new UnreadableCsv(Reason.TOO_MANY_RECORDS, limit);
    }

    public Reason reason() {
        return reason;
    }

    /** The record limit that was exceeded; 0 for other reasons. */
    public int limit() {
        return limit;
    }
}
