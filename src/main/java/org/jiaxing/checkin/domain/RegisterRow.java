package org.jiaxing.checkin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiaxing.checkin.domain.CheckinImportReport.RowError;
import org.jiaxing.person.Person;
import org.jiaxing.venue.Venue;

/**
 * One row of a register on its way to becoming a check-in: what was read from it, what it was resolved
 * to, and every problem found. Only the importer touches it, on one thread.
 */
final class RegisterRow {

    private final int line;
    private final List<RowError> errors = new ArrayList<>();
    String venueCode;
    /** Normalised; {@code null} when missing or invalid. */
    String phone;
    String name;
    Instant checkedInAt;
    Instant checkedOutAt;
    Venue venue;
    Person person;

    RegisterRow(int line) {
        this.line = line;
    }

    int line() {
        return line;
    }

    void error(String messageKey, Object... args) {
        errors.add(new RowError(line, messageKey, List.of(args)));
    }

    List<RowError> errors() {
        return errors;
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
