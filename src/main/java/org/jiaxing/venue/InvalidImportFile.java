package org.jiaxing.venue;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** An upload that cannot be read as a venue table at all (as opposed to bad rows, which are reported). */
public class InvalidImportFile extends JiaxingException {

    private InvalidImportFile(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidImportFile empty() {
        return new InvalidImportFile("venue.import.error.empty");
    }

    public static InvalidImportFile noRows() {
        return new InvalidImportFile("venue.import.error.noRows");
    }

    public static InvalidImportFile unsupported() {
        return new InvalidImportFile("venue.import.error.unsupported");
    }

    public static InvalidImportFile oldExcel() {
        return new InvalidImportFile("venue.import.error.oldExcel");
    }

    public static InvalidImportFile corrupt() {
        return new InvalidImportFile("venue.import.error.corrupt");
    }

    public static InvalidImportFile tooLarge(long maxMegabytes) {
        return new InvalidImportFile("venue.import.error.tooLarge", maxMegabytes);
    }

    public static InvalidImportFile tooManyRows(int maxRows) {
        return new InvalidImportFile("venue.import.error.tooManyRows", maxRows);
    }

    public static InvalidImportFile missingColumns(String columns) {
        return new InvalidImportFile("venue.import.error.missingColumns", columns);
    }

    public static InvalidImportFile duplicateColumn(String column) {
        return new InvalidImportFile("venue.import.error.duplicateColumn", column);
    }

    public static InvalidImportFile unterminatedQuote(int line) {
        return new InvalidImportFile("venue.import.error.unterminatedQuote", line);
    }
}
