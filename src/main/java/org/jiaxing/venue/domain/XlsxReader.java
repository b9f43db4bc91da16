package org.jiaxing.venue.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.venue.InvalidImportFile;

/**
 * Reads the first sheet of an XLSX workbook as text. Formulas are never evaluated: a formula cell
 * gives the value Excel cached when it saved the file.
 */
final class XlsxReader {

    private XlsxReader() {
    }

    /**
     * @param maxUnpackedBytes refuses archives that inflate beyond this (zip bombs) before POI
     *                         builds the workbook in memory
     */
    static List<TableRow> read(byte[] bytes, int maxRows, long maxUnpackedBytes) {
        requireReadableZip(bytes, maxUnpackedBytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw InvalidImportFile.empty();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<TableRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
                    cells.add(text(row.getCell(column), formatter));
                }
                TableRow read = new TableRow(row.getRowNum() + 1, cells);
                // counted, not taken from getLastRowNum(): formatting alone makes Excel keep empty rows
                if (!read.blank()) {
                    if (rows.size() > maxRows) {
                        throw InvalidImportFile.tooManyRows(maxRows);
                    }
                    rows.add(read);
                }
            }
            return rows;
        } catch (InvalidImportFile e) {
            throw e;
        } catch (IOException | RuntimeException unreadable) {
            // POI reports a damaged file with many exception types (POIXMLException, NotOfficeXmlFileException, …)
            throw InvalidImportFile.corrupt();
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            // the stored number in full: Excel's "General" display would round 121.01234567 to 10 digits
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? formatter.formatCellValue(cell)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static void requireReadableZip(byte[] bytes, long maxUnpackedBytes) {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        // commons-compress (POI's own zip library) rather than java.util.zip, which refuses the streamed
        // entries (sizes in a trailing data descriptor) that POI and other spreadsheet tools write
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
            boolean anyEntry = false;
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                anyEntry = true;
                unpacked += drain(zip, buffer, maxUnpackedBytes - unpacked);
            }
            if (!anyEntry) {
                throw InvalidImportFile.corrupt();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidImportFile.corrupt();
        }
    }

    private static long drain(InputStream in, byte[] buffer, long allowance) throws IOException {
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > allowance) {
                throw InvalidImportFile.corrupt();
            }
        }
        return total;
    }
}
