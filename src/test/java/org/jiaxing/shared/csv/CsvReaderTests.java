package org.jiaxing.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jiaxing.shared.csv.CsvRecord.Flaw;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "a,b,c\r\n\"1,5\",\"他说\"\"好\"\"\",\"第一行\n第二行\"\r\nx,,z\r\n";

        List<CsvRecord> records = CsvReader.parse(csv, 100);

        assertThat(records).extracting(CsvRecord::cells).containsExactly(List.of("a", "b", "c"),
                List.of("1,5", "他说\"好\"", "第一行\n第二行"), List.of("x", "", "z"));
        assertThat(records).allMatch(CsvRecord::wellFormed);
    }

    @Test
    void numbersRecordsByTheLineTheyStartOn() {
        String csv = "h1,h2\n\"multi\nline\",x\n\nlast,row";

        assertThat(CsvReader.parse(csv, 100)).extracting(CsvRecord::line).containsExactly(1, 2, 5);
    }

    @Test
    void acceptsLfCrLfAndCrLineEndsAndAMissingFinalLineEnd() {
        assertThat(CsvReader.parse("a\rb\r\nc\nd", 100)).extracting(record -> record.cell(0))
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void anEmptyQuotedFieldIsWellFormed() {
        assertThat(CsvReader.parse("\"\",x,\"\"", 100).getFirst()).satisfies(record -> {
            assertThat(record.cells()).containsExactly("", "x", "");
            assertThat(record.wellFormed()).isTrue();
        });
    }

    @Test
    void anUnclosedQuoteMarksTheRecordItStartsAndEndsTheFile() {
        List<CsvRecord> records = CsvReader.parse("a,b\nok,ok\n\"never closed,x\nmore,rows\n", 100);

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3);
        assertThat(records).extracting(CsvRecord::flaw).containsExactly(Flaw.NONE, Flaw.NONE, Flaw.UNCLOSED_QUOTE);
    }

    @Test
    void strayQuotesAreKeptAsTextAndMarked() {
        List<CsvRecord> records = CsvReader.parse("h\nab\"c,ok\n\"a\"b,ok\n\"a\" ,ok\nfine,\"ok\"\n", 100);

        assertThat(records).extracting(CsvRecord::flaw)
                .containsExactly(Flaw.NONE, Flaw.STRAY_QUOTE, Flaw.STRAY_QUOTE, Flaw.STRAY_QUOTE, Flaw.NONE);
        assertThat(records.get(1).cell(0)).isEqualTo("ab\"c");
        assertThat(records.get(2).cell(0)).isEqualTo("ab");
        // the flaw belongs to its record only
        assertThat(records.get(4).cells()).containsExactly("fine", "ok");
    }

    @Test
    void refusesMoreRecordsThanTheLimitNotCountingTheHeader() {
        assertThat(CsvReader.parse("h\n1\n2\n3", 3)).hasSize(4);
        assertThatThrownBy(() -> CsvReader.parse("h\n1\n2\n3\n4", 3)).isInstanceOfSatisfying(UnreadableCsv.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableCsv.Reason.TOO_MANY_RECORDS);
                    assertThat(e.limit()).isEqualTo(3);
                });
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

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreNotText() {
        // 0x80 is never a valid first byte in GB18030, and alone it is no UTF-8 either
        byte[] latin1 = {'a', ',', (byte) 0x80, '\n'};

        assertThatThrownBy(() -> CsvReader.decode(latin1)).isInstanceOfSatisfying(UnreadableCsv.class,
                e -> assertThat(e.reason()).isEqualTo(UnreadableCsv.Reason.NOT_TEXT));
    }
}
