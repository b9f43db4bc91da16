package org.jiaxing.tracing.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaxing.shared.csv.CsvReader;
import org.jiaxing.shared.csv.CsvRecord;
import org.jiaxing.shared.csv.UnreadableCsv;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.InvalidInvestigation.Problem;

/**
 * The cases of a cluster as a CSV file: a header line, then one case per line with the phone or ID number
 * and the infectious window. Times are {@code yyyy-MM-dd HH:mm[:ss]} in the city's zone, or ISO-8601 with
 * an offset. Every broken line is reported with its line number; nothing is opened from a broken file.
 */
public final class CaseFile {

    public static final List<String> HEADER = List.of("case", "from", "to");
    private static final List<List<String>> NAMES = List.of(
            List.of("case", "phone_or_id", "phone", "id_number", "手机号或身份证号", "病例", "手机号", "身份证号"),
            List.of("from", "window_from", "开始", "开始时间"),
            List.of("to", "window_to", "结束", "结束时间"));
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    private CaseFile() {
    }

    /** @throws InvalidInvestigation for an unreadable file, a missing column or bad times (every line at once) */
    public static List<NewCase> read(byte[] bytes, ZoneId zone, int maxCases) {
        return read(bytes, zone, maxCases, 0);
    }

    /**
     * As {@link #read(byte[], ZoneId, int)}, with line numbers moved back by {@code lineShift} (cases typed into
     * a text box, behind a header line the form adds).
     */
    public static List<NewCase> read(byte[] bytes, ZoneId zone, int maxCases, int lineShift) {
        List<CsvRecord> records;
        try {
            records = CsvReader.read(bytes, maxCases);
        } catch (UnreadableCsv e) {
            throw e.reason() == UnreadableCsv.Reason.TOO_MANY_RECORDS
                    ? InvalidInvestigation.of("file", "tracing.error.cases.tooMany", e.limit())
                    : InvalidInvestigation.of("file", "tracing.error.file.notText");
        }
        if (records.isEmpty()) {
            throw InvalidInvestigation.of("file", "tracing.error.file.empty");
        }
        CsvRecord header = records.getFirst();
        int[] columns = new int[NAMES.size()];
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            columns[i] = indexOf(header, NAMES.get(i));
            if (columns[i] < 0) {
                problems.add(Problem.of("file", header.line(), "tracing.error.file.column", HEADER.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        List<NewCase> cases = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.blank()) {
                continue;
            }
            if (!record.wellFormed()) {
                problems.add(Problem.of("file", record.line() - lineShift, "tracing.error.file.quote"));
                continue;
            }
            int line = record.line() - lineShift;
            Instant from = time(record, columns[1], "from", line, zone, problems);
            Instant to = time(record, columns[2], "to", line, zone, problems);
            String who = record.cell(columns[0]);
            cases.add(new NewCase(line, who == null ? "" : who.strip(), from, to));
        }
        if (!problems.isEmpty()) {
            throw InvalidInvestigation.of(problems);
        }
        return cases;
    }

    /** A time as the form and the file accept it; {@code null} when blank or unreadable. */
    public static Instant parseTime(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace('/', '-');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(value.replace('T', ' '), LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static Instant time(CsvRecord record, int column, String field, int line, ZoneId zone,
            List<Problem> problems) {
        String text = record.cell(column);
        Instant time = parseTime(text, zone);
        if (time == null) {
            problems.add(Problem.of(field, line, "tracing.error.file.time", text == null ? "" : text.strip()));
        }
        return time;
    }

    private static int indexOf(CsvRecord header, List<String> names) {
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i) == null ? "" : header.cell(i).strip().toLowerCase(Locale.ROOT);
            if (names.contains(cell)) {
                return i;
            }
        }
        return -1;
    }
}
