package org.jiaxing.venue.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes venues in the import format (plus {@code status}), so that an export can be edited and
 * imported again. Category and town are written as their Chinese names, which import accepts and
 * people recognise. Every cell goes through {@link CellText#guard}.
 */
@Component
public class VenueExporter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** UTF-8 with BOM (Excel on Windows reads BOM-less CSV as the local code page), CRLF line ends. */
    public void csv(List<VenueDetails> venues, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeCsvLine(writer, ImportColumns.ALL);
        for (VenueDetails venue : venues) {
            writeCsvLine(writer, cells(venue));
        }
        writer.flush();
    }

    /** Every cell a string cell, never a formula. */
    public void xlsx(List<VenueDetails> venues, OutputStream out) throws IOException {
        // streaming workbook: only a window of rows stays in memory, whatever the size of the export
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("venues");
            writeXlsxRow(sheet.createRow(0), ImportColumns.ALL);
            int index = 1;
            for (VenueDetails venue : venues) {
                writeXlsxRow(sheet.createRow(index++), cells(venue));
            }
            workbook.write(out);
        }
    }

    static List<String> cells(VenueDetails details) {
        VenueInput input = VenueInput.of(details.toDraft());
        return List.of(input.code(), input.name(), details.venue().category().nameZh(), details.venue().townNameZh(),
                input.address(), orEmpty(input.longitude()), orEmpty(input.latitude()), orEmpty(input.contactName()),
                orEmpty(input.contactPhone()), orEmpty(input.openingHours()), orEmpty(input.expectedDailyVisitors()),
                details.venue().status().name());
    }

    private static void writeCsvLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(CellText.guard(cells.get(i))));
        }
        writer.write("\r\n");
    }

    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void writeXlsxRow(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(CellText.guard(cells.get(i)));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
