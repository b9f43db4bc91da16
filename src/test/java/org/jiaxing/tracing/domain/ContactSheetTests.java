package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.person.PersonDetails;
import org.junit.jupiter.api.Test;

class ContactSheetTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final List<RevealedContact> contacts = List.of(new RevealedContact(
            new Contact(7, ContactLevel.CLOSE, List.of(
                    new Evidence(ContactLevel.CLOSE, 1, 1_800_000_000L, 1_800_000_900L, 3, null, 11),
                    new Evidence(ContactLevel.EXPOSED, 2, 1_800_010_000L, 1_800_010_060L, 3, null, 12))),
            PersonDetails.of("张三", "13800000000", "330482199001011234")));

    @Test
    void oneRowPerEvidenceWithLocalTimes() {
        List<List<String>> rows = ContactSheet.rows(contacts, venue -> venue == 1 ? "=cmd|' /C calc'!A0" : "+SUM(A1)",
                SHANGHAI);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("CLOSE", "张三", "13800000000", "330482199001011234", "CLOSE",
                "=cmd|' /C calc'!A0", "2027-01-15 16:00:00", "2027-01-15 16:15:00", "3", "");
    }

    @Test
    void csvNeutralisesFormulasAndQuotes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContactSheet.csv(ContactSheet.rows(contacts, venue -> venue == 1 ? "=1+1" : "-2,\"x\"", SHANGHAI), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFlevel,name,phone");
        assertThat(text).contains(",'=1+1,").contains(",\"'-2,\"\"x\"\"\",").contains("\r\n");
    }

    @Test
    void xlsxHasOnlyTextCellsWithFormulasNeutralised() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContactSheet.xlsx(ContactSheet.rows(contacts, venue -> "@SUM(1)", SHANGHAI), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("'@SUM(1)");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("张三");
        }
    }
}
