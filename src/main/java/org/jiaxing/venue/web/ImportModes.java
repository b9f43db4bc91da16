package org.jiaxing.venue.web;

import org.jiaxing.venue.domain.ImportMode;

/** The {@code mode} parameter of imports: absent or {@code all-or-nothing} is the safe default. */
final class ImportModes {

    private ImportModes() {
    }

    static ImportMode parse(String mode) {
        if (mode == null || mode.isBlank() || mode.equals("all-or-nothing")) {
            return ImportMode.ALL_OR_NOTHING;
        }
        if (mode.equals("valid-only")) {
            return ImportMode.VALID_ONLY;
        }
        throw InvalidVenueQuery.importMode();
    }
}
