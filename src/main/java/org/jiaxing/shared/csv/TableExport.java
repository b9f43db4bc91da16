package org.jiaxing.shared.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as CSV (UTF-8 with BOM, CRLF, as Excel and WPS expect) or XLSX (string cells only). Every
 * cell that a spreadsheet would read as a formula gets a leading apostrophe (OWASP "CSV injection"), the
 * same guard as the venue export.
 */
public final class TableExport {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableExport() {
    }

    public static void csv(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(writer, header);
        for (List<String> row : rows) {
            line(writer, row);
        }
        writer.flush();
    }

    public static void xlsx(String sheetName, List<String> header, List<List<String>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            cells(sheet.createRow(0), header);
            int index = 1;
            for (List<String> row : rows) {
                cells(sheet.createRow(index++), row);
            }
            workbook.write(out);
        }
    }

    /** The value with an apostrophe in front when it starts like a formula ({@code = + - @}, tab, CR). */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String value = guard(cells.get(i));
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            writer.write(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        writer.write("\r\n");
    }

    private static void cells(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(guard(cells.get(i)));
        }
    }
}
