package org.jiaxing.project.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.project.StageColour;

/**
 * The progress table as an XLSX workbook, as it is posted in the group after the morning meeting. Every
 * text cell is written as a string, and text starting with {@code = + - @} gets a leading apostrophe-like
 * quote prefix, so a project name can never become a formula in Excel.
 */
public final class ProgressXlsx {

    private ProgressXlsx() {
    }

    /** @param labels column headings and translated values (stage names, colours, "overdue"), from the web layer */
    public static byte[] write(List<ProgressRow> rows, List<String> headings, Function<ProgressRow, String> stageName,
            Function<StageColour, String> colourName, String sheetName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle red = fill(book, IndexedColors.ROSE);
            CellStyle blue = fill(book, IndexedColors.PALE_BLUE);
            CellStyle green = fill(book, IndexedColors.LIGHT_GREEN);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                text(head.createCell(i), headings.get(i));
            }
            int r = 1;
            for (ProgressRow row : rows) {
                Row line = sheet.createRow(r++);
                int c = 0;
                text(line.createCell(c++), row.project().code());
                text(line.createCell(c++), row.project().name());
                text(line.createCell(c++), row.townName());
                text(line.createCell(c++), stageName.apply(row));
                text(line.createCell(c++), row.deadline() == null ? "" : row.deadline().toString());
                Cell days = line.createCell(c++);
                if (row.daysLeft() != null) {
                    days.setCellValue(row.daysLeft());
                }
                line.createCell(c++).setCellValue(row.percent());
                Cell colour = line.createCell(c++);
                text(colour, colourName.apply(row.colour()));
                colour.setCellStyle(switch (row.colour()) {
                    case RED -> red;
                    case BLUE -> blue;
                    case GREEN -> green;
                });
                text(line.createCell(c++), row.project().ownerCompany());
                text(line.createCell(c), row.project().officialName());
            }
            for (int i = 0; i < headings.size(); i++) {
                sheet.setColumnWidth(i, i == 1 || i == 8 ? 40 * 256 : 14 * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle fill(XSSFWorkbook book, IndexedColors colour) {
        CellStyle style = book.createCellStyle();
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** Strings only; a leading formula character gets the quote prefix so Excel shows it as text. */
    static void text(Cell cell, String value) {
        String v = value == null ? "" : value;
        cell.setCellValue(v);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setQuotePrefixed(true);
            cell.setCellStyle(style);
        }
    }
}
