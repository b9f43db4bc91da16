package org.jiaxing.checkin.domain;

import java.util.List;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.shared.csv.CsvReader;
import org.jiaxing.shared.csv.CsvRecord;
import org.jiaxing.shared.csv.UnreadableCsv;

/** An uploaded register as CSV records, header first, within the configured limits. */
final class RegisterFile {

    private RegisterFile() {
    }

    static List<CsvRecord> read(byte[] bytes, CheckinImportProperties limits) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidCheckinFile.empty();
        }
        if (bytes.length > limits.maxSize().toBytes()) {
            throw InvalidCheckinFile.tooLarge(limits.maxMegabytes());
        }
        if (binary(bytes)) {
            throw InvalidCheckinFile.notText();
        }
        try {
            return CsvReader.read(bytes, limits.maxRows());
        } catch (UnreadableCsv e) {
            throw switch (e.reason()) {
                case NOT_TEXT -> InvalidCheckinFile.notText();
                case TOO_MANY_RECORDS -> InvalidCheckinFile.tooManyRows(e.limit());
            };
        }
    }

    /** Text never holds NUL bytes in UTF-8 or GB18030; XLSX (zip), images and PDFs do. */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
