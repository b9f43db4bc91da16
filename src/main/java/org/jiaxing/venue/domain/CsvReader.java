package org.jiaxing.venue.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jiaxing.venue.InvalidImportFile;

/**
 * Reads CSV as RFC 4180 describes it: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; lines end with CRLF, LF or CR. Text is UTF-8 (with or without BOM)
 * or, when it is not valid UTF-8, GB18030 (a superset of GBK), which is what Chinese Excel saves.
 */
final class CsvReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvReader() {
    }

    static List<TableRow> read(byte[] bytes, int maxRows) {
        return parse(decode(bytes), maxRows);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            // GBK bytes are almost never valid UTF-8, so strict UTF-8 failing is a reliable signal
            return new String(bytes, GB18030);
        }
    }

    /** @throws InvalidImportFile when a quoted field never ends or there are more than {@code maxRows} records */
    static List<TableRow> parse(String text, int maxRows) {
        List<TableRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean rowHasContent = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || c == '\r' && !nextIs(text, i, '\n')) {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                rowHasContent = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                rowHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && nextIs(text, i, '\n')) {
                    i++;
                }
                addRow(rows, rowStart, cells, cell, rowHasContent, maxRows);
                rowHasContent = false;
                line++;
                rowStart = line;
            } else {
                cell.append(c);
                rowHasContent = true;
            }
            i++;
        }
        if (quoted) {
            throw InvalidImportFile.unterminatedQuote(rowStart);
        }
        addRow(rows, rowStart, cells, cell, rowHasContent, maxRows);
        return rows;
    }

    private static void addRow(List<TableRow> rows, int line, List<String> cells, StringBuilder cell,
            boolean hasContent, int maxRows) {
        if (hasContent) {
            cells.add(cell.toString());
            // the header row is not counted against the limit
            if (rows.size() > maxRows) {
                throw InvalidImportFile.tooManyRows(maxRows);
            }
            rows.add(new TableRow(line, cells));
        }
        cells.clear();
        cell.setLength(0);
    }

    private static boolean nextIs(String text, int i, char expected) {
        return i + 1 < text.length() && text.charAt(i + 1) == expected;
    }
}
