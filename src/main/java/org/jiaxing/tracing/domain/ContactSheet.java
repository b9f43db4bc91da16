package org.jiaxing.tracing.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The revealed contact list as CSV (UTF-8 with BOM, CRLF) or XLSX (string cells only), one row per
 * evidence item. Every cell that a spreadsheet would read as a formula gets a leading apostrophe
 * (OWASP "CSV injection"): names come from visitors and could start with {@code =}.
 */
public final class ContactSheet {

    public static final List<String> HEADER = List.of("level", "name", "phone", "id_number", "evidence", "venue",
            "from", "to", "case_person_id", "via_person_id");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ContactSheet() {
    }

    public static List<List<String>> rows(List<RevealedContact> contacts, LongFunction<String> venueName, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RevealedContact revealed : contacts) {
            for (Evidence evidence : revealed.contact().evidence()) {
                rows.add(List.of(revealed.contact().level().name(), orEmpty(revealed.details().name()),
                        orEmpty(revealed.details().phone()), orEmpty(revealed.details().idNumber()),
                        evidence.kind().name(), venueName.apply(evidence.venueId()),
                        time(evidence.from(), zone), time(evidence.to(), zone), Long.toString(evidence.casePersonId()),
                        evidence.viaPersonId() == null ? "" : Long.toString(evidence.viaPersonId())));
            }
        }
        return rows;
    }

    public static void csv(List<List<String>> rows, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(csvField(guard(row.get(i))));
            }
            writer.write("\r\n");
        }
        writer.flush();
    }

    public static void xlsx(List<List<String>> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("contacts");
            int index = 0;
            for (List<String> cells : rows) {
                Row row = sheet.createRow(index++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(guard(cells.get(i)));
                }
            }
            workbook.write(out);
        }
    }

    /** A leading apostrophe before anything a spreadsheet starts a formula with. */
    static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String time(long epochSecond, ZoneId zone) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
