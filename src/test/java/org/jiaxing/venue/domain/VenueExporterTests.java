package org.jiaxing.venue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.Test;

class VenueExporterTests {

    private final VenueExporter exporter = new VenueExporter();

    @Test
    void guardsEveryCellThatASpreadsheetWouldReadAsAFormula() {
        assertThat(CellText.guard("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CellText.guard("+86-573")).isEqualTo("'+86-573");
        assertThat(CellText.guard("-1")).isEqualTo("'-1");
        assertThat(CellText.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.guard("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CellText.guard("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CellText.guard("平湖=好")).isEqualTo("平湖=好");
        assertThat(CellText.guard("")).isEmpty();
        assertThat(CellText.unguard(CellText.guard("=1+1"))).isEqualTo("=1+1");
        assertThat(CellText.unguard("'plain")).isEqualTo("'plain");
    }

    @Test
    void csvIsUtf8WithBomAndNeutralisedCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.csv(List.of(dangerous()), out);
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("code,name,category,town,address,longitude,latitude,contact_name,contact_phone,"
                + "opening_hours,expected_daily_visitors,status");
        assertThat(lines[1]).isEqualTo("PH-9,'=cmd|' /C calc'!A0,商超,当湖街道,\"'@SUM(1,2)\",121.5,30.25,"
                + "'-张,'+86-573-1,08:00-22:00,0,SUSPENDED");
    }

    @Test
    void xlsxWritesOnlyStringCellsAndNoFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.xlsx(List.of(dangerous()), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            for (int i = 0; i < 12; i++) {
                assertThat(row.getCell(i).getCellType()).as("cell %d", i).isEqualTo(CellType.STRING);
            }
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("'+86-573-1");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("121.5");
        }
    }

    private static VenueDetails dangerous() {
        Venue venue = new Venue(9, "PH-9", "=cmd|' /C calc'!A0", new VenueCategory("SUPERMARKET", "商超", "Supermarket",
                45, 15, 30), "danghu", "当湖街道", "Danghu", "@SUM(1,2)", 121.5, 30.25, "08:00-22:00", 0,
                VenueStatus.SUSPENDED);
        return new VenueDetails(venue, "-张", "+86-573-1", Instant.EPOCH, Instant.EPOCH);
    }
}
