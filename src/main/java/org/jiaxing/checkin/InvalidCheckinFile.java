package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * An upload that cannot be read as a check-in register at all (as opposed to bad rows, which the import
 * report lists with their line numbers). Nothing was written.
 */
public class InvalidCheckinFile extends JiaxingException {

    private InvalidCheckinFile(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidCheckinFile empty() {
        return new InvalidCheckinFile("checkin.import.error.empty");
    }

    public static InvalidCheckinFile noRows() {
        return new InvalidCheckinFile("checkin.import.error.noRows");
    }

    /** Not CSV text: a spreadsheet, an image, or text in an encoding other than UTF-8 and GBK/GB18030. */
    public static InvalidCheckinFile notText() {
        return new InvalidCheckinFile("checkin.import.error.notText");
    }

    public static InvalidCheckinFile tooLarge(long maxMegabytes) {
        return new InvalidCheckinFile("checkin.import.error.tooLarge", maxMegabytes);
    }

    public static InvalidCheckinFile tooManyRows(int maxRows) {
        return new InvalidCheckinFile("checkin.import.error.tooManyRows", maxRows);
    }

    public static InvalidCheckinFile missingColumns(String columns) {
        return new InvalidCheckinFile("checkin.import.error.missingColumns", columns);
    }

    public static InvalidCheckinFile duplicateColumn(String column) {
        return new InvalidCheckinFile("checkin.import.error.duplicateColumn", column);
    }
}
