package org.jiaxing.venue.domain;

import java.util.List;
import java.util.Locale;
import org.jiaxing.shared.csv.CsvReader;
import org.jiaxing.shared.csv.CsvRecord;
import org.jiaxing.shared.csv.UnreadableCsv;
import org.jiaxing.venue.InvalidImportFile;

/** Turns an upload into rows, choosing CSV or XLSX by name and content, within the configured limits. */
final class UploadedTable {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    // uncompressed XML of an XLSX is typically 5-20 times its zipped size
    private static final int MAX_INFLATION = 20;

    private UploadedTable() {
    }

    /** The rows of the file, header first, with their line numbers. */
    static List<TableRow> read(String filename, byte[] bytes, VenueProperties limits) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidImportFile.empty();
        }
        if (bytes.length > limits.importMaxSize().toBytes()) {
            throw InvalidImportFile.tooLarge(Math.max(1, limits.importMaxSize().toMegabytes()));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        boolean zip = startsWith(bytes, ZIP);
        if (startsWith(bytes, OLE2) || extension.equals("xls")) {
            throw InvalidImportFile.oldExcel();
        }
        if (extension.equals("xlsx") || extension.isEmpty() && zip) {
            if (!zip) {
                throw InvalidImportFile.corrupt();
            }
            return XlsxReader.read(bytes, limits.importMaxRows(), limits.importMaxSize().toBytes() * MAX_INFLATION);
        }
        if ((extension.equals("csv") || extension.equals("txt") || extension.isEmpty()) && !zip && !binary(bytes)) {
            return csv(bytes, limits.importMaxRows());
        }
        throw InvalidImportFile.unsupported();
    }

    /** Stray quotes are read as text (the venue import has always been lenient); an unclosed one is not. */
    private static List<TableRow> csv(byte[] bytes, int maxRows) {
        List<CsvRecord> records;
        try {
            records = CsvReader.read(bytes, maxRows);
        } catch (UnreadableCsv e) {
            throw switch (e.reason()) {
                case NOT_TEXT -> InvalidImportFile.unsupported();
                case TOO_MANY_RECORDS -> InvalidImportFile.tooManyRows(e.limit());
            };
        }
        records.stream().filter(record -> record.flaw() == CsvRecord.Flaw.UNCLOSED_QUOTE).findFirst()
                .ifPresent(record -> {
                    throw InvalidImportFile.unterminatedQuote(record.line());
                });
        return records.stream().map(record -> new TableRow(record.line(), record.cells())).toList();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text never holds NUL bytes in UTF-8 or GB18030; images, PDFs and archives do. */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
