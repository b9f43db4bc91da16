package org.jiaxing.venue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jiaxing.venue.ImportFiles;
import org.jiaxing.venue.InvalidImportFile;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Files that cannot be read as a venue table get a clear error, whatever is wrong with them. */
class UploadedTableTests {

    private final VenueProperties limits = new VenueProperties(5, DataSize.ofKilobytes(64));

    @Test
    void readsCsvAndXlsxByNameOrContent() {
        byte[] csv = ImportFiles.csv(ImportFiles.HEADER, ImportFiles.row("PH-1"));
        byte[] xlsx = ImportFiles.xlsx(List.of(List.of("code", "name"), List.of("PH-1", "店")));

        assertThat(UploadedTable.read("venues.CSV", csv, limits)).hasSize(2);
        assertThat(UploadedTable.read("venues.txt", csv, limits)).hasSize(2);
        assertThat(UploadedTable.read("venues.xlsx", xlsx, limits).get(1).cells()).containsExactly("PH-1", "店");
        assertThat(UploadedTable.read(null, xlsx, limits)).hasSize(2);
    }

    @Test
    void anUnclosedQuoteInACsvIsAFileErrorWithItsLine() {
        byte[] csv = "a,b\nok,ok\n\"never closed,x\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> UploadedTable.read("v.csv", csv, limits)).isInstanceOfSatisfying(
                InvalidImportFile.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("venue.import.error.unterminatedQuote");
                    assertThat(e.messageArgs()).containsExactly(3);
                });
    }

    @Test
    void aCsvThatIsNeitherUtf8NorGbkIsRefused() {
        byte[] notText = {'c', 'o', 'd', 'e', '\n', (byte) 0x80, (byte) 0x80, '\n'};

        assertThatThrownBy(() -> UploadedTable.read("v.csv", notText, limits))
                .hasMessage("venue.import.error.unsupported");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertThatThrownBy(() -> UploadedTable.read("v.csv", new byte[0], limits)).hasMessage("venue.import.error.empty");
    }

    @Test
    void otherFormatsAreRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThatThrownBy(() -> UploadedTable.read("photo.png", png, limits)).hasMessage("venue.import.error.unsupported");
        assertThatThrownBy(() -> UploadedTable.read("report.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), limits))
                .hasMessage("venue.import.error.unsupported");
        assertThatThrownBy(() -> UploadedTable.read("v.csv", png, limits)).hasMessage("venue.import.error.unsupported");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> UploadedTable.read("old.xls", ole2, limits)).hasMessage("venue.import.error.oldExcel");
    }

    @Test
    void aDamagedWorkbookIsReportedAsCorrupt() {
        byte[] xlsx = ImportFiles.xlsx(List.of(List.of("code"), List.of("PH-1")));
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);
        byte[] garbage = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", truncated, limits)).hasMessage("venue.import.error.corrupt");
        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", garbage, limits)).hasMessage("venue.import.error.corrupt");
        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", "code,name".getBytes(StandardCharsets.UTF_8), limits))
                .hasMessage("venue.import.error.corrupt");
        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", zip("hello.txt", new byte[10]), limits))
                .hasMessage("venue.import.error.corrupt");
    }

    @Test
    void aZipBombIsStoppedBeforeItIsUnpacked() {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024]);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", bomb, limits)).hasMessage("venue.import.error.corrupt");
    }

    @Test
    void enforcesTheSizeAndRowLimits() {
        byte[] big = new byte[64 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> UploadedTable.read("v.csv", big, limits)).hasMessage("venue.import.error.tooLarge");

        String[] sixRows = {ImportFiles.HEADER, "1", "2", "3", "4", "5", "6"};
        assertThatThrownBy(() -> UploadedTable.read("v.csv", ImportFiles.csv(sixRows), limits))
                .hasMessage("venue.import.error.tooManyRows");
        List<List<Object>> sheet = List.of(List.of("h"), List.of("1"), List.of("2"), List.of("3"), List.of("4"),
                List.of("5"), List.of("6"));
        assertThatThrownBy(() -> UploadedTable.read("v.xlsx", ImportFiles.xlsx(sheet), limits))
                .hasMessage("venue.import.error.tooManyRows");
    }

    @Test
    void theHeaderMustNameEveryRequiredColumnOnce() {
        assertThatThrownBy(() -> ImportColumns.of(new TableRow(1, List.of("code", "name", "town"))))
                .isInstanceOfSatisfying(InvalidImportFile.class, e -> assertThat(e.messageArgs()).containsExactly(
                        "category, address, longitude, latitude, contact_name, contact_phone"));
        assertThatThrownBy(() -> ImportColumns.of(new TableRow(1, List.of((ImportFiles.HEADER + ",Code").split(",")))))
                .hasMessage("venue.import.error.duplicateColumn");
        ImportColumns columns = ImportColumns.of(new TableRow(1,
                List.of("\uFEFFCode", " Name ", "category", "town", "address", "longitude", "latitude", "Contact Name",
                        "contact_phone", "备注")));
        assertThat(columns.get(new TableRow(2, List.of("PH-1", "'=店")), "name")).isEqualTo("=店");
        assertThat(columns.has("opening_hours")).isFalse();
    }

    private static byte[] zip(String entry, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
