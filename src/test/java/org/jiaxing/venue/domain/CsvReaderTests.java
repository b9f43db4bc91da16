package org.jiaxing.venue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jiaxing.venue.InvalidImportFile;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "a,b,c\r\n\"1,5\",\"他说\"\"好\"\"\",\"第一行\n第二行\"\r\nx,,z\r\n";

        List<TableRow> rows = CsvReader.parse(csv, 100);

        assertThat(rows).extracting(TableRow::cells).containsExactly(List.of("a", "b", "c"),
                List.of("1,5", "他说\"好\"", "第一行\n第二行"), List.of("x", "", "z"));
    }

    @Test
    void numbersRecordsByTheLineTheyStartOn() {
        String csv = "h1,h2\n\"multi\nline\",x\n\nlast,row";

        assertThat(CsvReader.parse(csv, 100)).extracting(TableRow::line).containsExactly(1, 2, 5);
    }

    @Test
    void acceptsLfCrLfAndCrLineEndsAndAMissingFinalLineEnd() {
        assertThat(CsvReader.parse("a\rb\r\nc\nd", 100)).extracting(row -> row.cell(0)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void anUnclosedQuoteIsAFileErrorWithItsLine() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\nok,ok\n\"never closed,x\n", 100))
                .isInstanceOf(InvalidImportFile.class)
                .satisfies(e -> assertThat(((InvalidImportFile) e).messageArgs()).containsExactly(3));
    }

    @Test
    void refusesMoreRowsThanTheLimitNotCountingTheHeader() {
        assertThat(CsvReader.parse("h\n1\n2\n3", 3)).hasSize(4);
        assertThatThrownBy(() -> CsvReader.parse("h\n1\n2\n3\n4", 3)).isInstanceOf(InvalidImportFile.class)
                .hasMessage("venue.import.error.tooManyRows");
    }

    @Test
    void decodesUtf8WithAndWithoutBomAndFallsBackToGbk() {
        String text = "名称,镇街\n平湖大润发,当湖街道";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

        assertThat(CsvReader.decode(utf8)).isEqualTo(text);
        assertThat(CsvReader.decode(withBom)).isEqualTo(text);
        assertThat(CsvReader.decode(text.getBytes(Charset.forName("GBK")))).isEqualTo(text);
    }
}
