package org.jiaxing.shared.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: comma-separated, fields in double quotes may hold commas, line
 * breaks and doubled quotes; lines end with CRLF, LF or CR. Text is UTF-8 (with or without BOM) or, when
 * it is not valid UTF-8, GB18030 (a superset of GBK), which is what Chinese Excel saves.
 *
 * <p>Lenient where a reader can still tell what was meant: a stray quote is kept as text, and the record
 * is marked ({@link CsvRecord.Flaw}) so that a strict importer can refuse it with its line number.
 */
public final class CsvReader {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private CsvReader() {
    }

    /**
     * The records of the file, header first, blank lines left out.
     *
     * @throws UnreadableCsv when the bytes are not text or there are more than {@code maxRecords} records
     *                       after the header
     */
    public static List<CsvRecord> read(byte[] bytes, int maxRecords) {
        return parse(decode(bytes), maxRecords);
    }

    /** @throws UnreadableCsv when the bytes are neither UTF-8 nor GB18030 */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strictly(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, 3, bytes.length - 3));
        }
        try {
            return decodeStrictly(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            // GBK bytes are almost never valid UTF-8, so strict UTF-8 failing is a reliable signal
            return strictly(GB18030, ByteBuffer.wrap(bytes));
        }
    }

    private static String strictly(Charset charset, ByteBuffer bytes) {
        try {
            return decodeStrictly(charset, bytes);
        } catch (CharacterCodingException e) {
            throw UnreadableCsv.notText();
        }
    }

    private static String decodeStrictly(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(bytes).toString();
    }

    /** @throws UnreadableCsv when there are more than {@code maxRecords} records after the header */
    public static List<CsvRecord> parse(String text, int maxRecords) {
        return new Parser(text, maxRecords).records();
    }

    /** One pass over the text; the state of the record being read lives in the fields. */
    private static final class Parser {

        private final String text;
        private final int maxRecords;
        private final List<CsvRecord> records = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private int line = 1;
        private int recordStart = 1;
        private boolean quoted;
        /** Right after the closing quote of a field: only a comma or a line end may follow. */
        private boolean closed;
        private boolean hasContent;
        private CsvRecord.Flaw flaw = CsvRecord.Flaw.NONE;

        Parser(String text, int maxRecords) {
            this.text = text;
            this.maxRecords = maxRecords;
        }

        List<CsvRecord> records() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && nextIs(i, '"')) {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                        closed = true;
                    } else {
                        if (c == '\n' || c == '\r' && !nextIs(i, '\n')) {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    closed = false;
                    hasContent = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && nextIs(i, '\n')) {
                        i++;
                    }
                    endRecord();
                    line++;
                    recordStart = line;
                } else if (c == '"' && cell.isEmpty() && !closed) {
                    quoted = true;
                    hasContent = true;
                } else {
                    if (c == '"' || closed) {
                        flaw = CsvRecord.Flaw.STRAY_QUOTE;
                    }
                    cell.append(c);
                    hasContent = true;
                }
                i++;
            }
            if (quoted) {
                flaw = CsvRecord.Flaw.UNCLOSED_QUOTE;
            }
            endRecord();
            return records;
        }

        private void endRecord() {
            if (hasContent) {
                cells.add(cell.toString());
                // the header row is not counted against the limit
                if (records.size() > maxRecords) {
                    throw UnreadableCsv.tooManyRecords(maxRecords);
                }
                records.add(new CsvRecord(recordStart, cells, flaw));
            }
            cells.clear();
            cell.setLength(0);
            quoted = false;
            closed = false;
            hasContent = false;
            flaw = CsvRecord.Flaw.NONE;
        }

        private boolean nextIs(int i, char expected) {
            return i + 1 < text.length() && text.charAt(i + 1) == expected;
        }
    }
}
