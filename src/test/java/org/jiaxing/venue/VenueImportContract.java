package org.jiaxing.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.ImportFiles.HEADER;
import static org.jiaxing.venue.ImportFiles.csv;
import static org.jiaxing.venue.ImportFiles.row;
import static org.jiaxing.venue.ImportFiles.withBom;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;

import java.nio.charset.Charset;
import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.domain.ImportMode;
import org.jiaxing.venue.domain.ImportReport;
import org.jiaxing.venue.domain.ImportReport.RowError;
import org.jiaxing.venue.domain.VenueImporter;
import org.jiaxing.venue.domain.VenueQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Importing CSV and XLSX files, on SQLite and PostgreSQL. File-level errors are in VenueImportFileTests. */
abstract class VenueImportContract {

    @Autowired VenueImporter importer;
    @Autowired VenueDirectory directory;
    @Autowired VenueQueries queries;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void importsAGoodCsvWithNamesOrKeysForCategoryAndTown() {
        ImportReport report = importCsv(csv(HEADER + ",opening_hours,expected_daily_visitors",
                row(p + "-1") + ",08:00-22:00,1200",
                p + "-2,第一人民医院,MEDICAL,guangchen,广陈镇 2 号,,,,,,",
                p + "-3,加油站,加油站,Zhapu Town,乍浦镇 3 号,121.1,30.6,李四,13812345678,00:00-24:00,0"));

        assertThat(report).isEqualTo(new ImportReport(3, 3, 0, 0, true, List.of()));
        Venue first = venue(p + "-1");
        assertThat(first.name()).isEqualTo("平湖超市 " + p + "-1");
        assertThat(first.category().code()).isEqualTo("SUPERMARKET");
        assertThat(first.townCode()).isEqualTo("danghu");
        assertThat(first.openingHours()).isEqualTo("08:00-22:00");
        assertThat(first.expectedDailyVisitors()).isEqualTo(1200);
        assertThat(venue(p + "-2").category().code()).isEqualTo("MEDICAL");
        assertThat(venue(p + "-2").longitude()).isNull();
        assertThat(venue(p + "-3").townCode()).isEqualTo("zhapu");
        assertThat(queries.details(venue(p + "-3").id(), admin).contactPhone()).isEqualTo("13812345678");
    }

    @Test
    void readsGbkFromChineseExcelAndUtf8WithBom() {
        assertThat(importCsv(csv(Charset.forName("GBK"), HEADER, row(p + "-1"))).created()).isEqualTo(1);
        assertThat(importCsv(withBom(csv(HEADER, row(p + "-2")))).created()).isEqualTo(1);

        assertThat(venue(p + "-1").name()).isEqualTo("平湖超市 " + p + "-1");
        assertThat(venue(p + "-1").townNameZh()).isEqualTo("当湖街道");
        assertThat(venue(p + "-2").category().nameZh()).isEqualTo("商超");
    }

    @Test
    void keepsCommasQuotesAndLineBreaksOfQuotedFieldsAndCountsLinesAcrossThem() {
        ImportReport report = importCsv(csv(HEADER,
                p + "-1,\"老街 \"\"百年\"\" 茶馆, 二楼\",餐饮,当湖街道,\"东大街 5 号\n后门\",,,,",
                p + "-2,坏行,餐饮,当湖街道,地址,,,,电话"), ImportMode.VALID_ONLY);

        assertThat(venue(p + "-1").name()).isEqualTo("老街 \"百年\" 茶馆, 二楼");
        assertThat(venue(p + "-1").address()).isEqualTo("东大街 5 号\n后门");
        assertThat(report.errors()).extracting(RowError::line).containsExactly(4);
    }

    @Test
    void readsXlsxWithNumericCells() {
        byte[] file = ImportFiles.xlsx(List.of(
                List.of((Object[]) HEADER.split(",")),
                List.of(p + "-1", "平湖大润发", "商超", "当湖街道", "新华中路 1 号", 121.01234567, 30.6962, "张经理", 13812345678L),
                List.of("", "", "", "", ""),
                List.of(p + "-2", "药店", "PHARMACY", "xindai", "新埭镇 9 号", "", "", "", "")));

        ImportReport report = importer.importFile("场所.xlsx", file, ImportMode.ALL_OR_NOTHING, admin);

        assertThat(report).isEqualTo(new ImportReport(2, 2, 0, 0, true, List.of()));
        assertThat(venue(p + "-1").longitude()).isEqualTo(121.01234567);
        assertThat(queries.details(venue(p + "-1").id(), admin).contactPhone()).isEqualTo("13812345678");
        assertThat(venue(p + "-2").townCode()).isEqualTo("xindai");
    }

    @Test
    void reportsEveryBadRowWithLineAndColumnAndImportsNothing() {
        ImportReport report = importCsv(csv(HEADER,
                row(p + "-1"),
                p + "-2,,商超,当湖街道,地址,121,30.7,,",
                row(p + "-3"),
                p + "-4,店,赌场,上海,地址,abc,30.7,,",
                row(p + "-1"),
                p + "-6,店,商超,当湖街道,地址,30.7,121,,0573 123"));

        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.created()).isZero();
        assertThat(report.errors()).extracting(e -> e.line() + " " + e.column() + " " + e.messageKey()).containsExactly(
                "2 code venue.import.error.duplicateCode",
                "3 name venue.error.name.required",
                "5 longitude venue.error.number",
                "5 category venue.error.categoryCode.unknown",
                "5 town venue.error.townCode.unknown",
                "6 code venue.import.error.duplicateCode",
                "7 longitude venue.error.longitude.range",
                "7 latitude venue.error.latitude.range",
                "7 contact_phone venue.error.contactPhone.pattern");
        assertThat(report.errors().getFirst().args()).containsExactly(p + "-1", "6");
        assertThat(directory.findByCode(p + "-3")).as("all-or-nothing").isEmpty();
    }

    @Test
    void validOnlyImportsTheGoodRowsAndReportsTheRest() {
        ImportReport report = importCsv(csv(HEADER, row(p + "-1"), p + "-2,,商超,当湖街道,地址,,,,", row(p + "-3")),
                ImportMode.VALID_ONLY);

        assertThat(report).isEqualTo(new ImportReport(3, 2, 0, 1, true,
                List.of(new RowError(3, "name", "venue.error.name.required", List.of()))));
        assertThat(directory.findByCode(p + "-1")).isPresent();
        assertThat(directory.findByCode(p + "-2")).isEmpty();
    }

    @Test
    void importingAgainUpdatesByCodeAndSetsAGivenStatus() {
        importCsv(csv(HEADER, row(p + "-1"), row(p + "-2")));
        long id = venue(p + "-1").id();

        ImportReport again = importCsv(csv(HEADER + ",status",
                p.toLowerCase() + "-1,改名超市,商超,当湖街道,新地址,,,,,SUSPENDED", row(p + "-2") + ",", row(p + "-3") + ",暂停"));

        assertThat(again).isEqualTo(new ImportReport(3, 1, 2, 0, true, List.of()));
        assertThat(venue(p + "-1").id()).isEqualTo(id);
        assertThat(venue(p + "-1").name()).isEqualTo("改名超市");
        assertThat(venue(p + "-1").longitude()).isNull();
        assertThat(venue(p + "-1").status()).isEqualTo(VenueStatus.SUSPENDED);
        assertThat(venue(p + "-2").status()).isEqualTo(VenueStatus.ACTIVE);
        assertThat(venue(p + "-3").status()).isEqualTo(VenueStatus.SUSPENDED);
    }

    @Test
    void aTownAdminImportsOnlyRowsOfTheirTown() {
        importCsv(csv(HEADER, row(p + "-DH")));
        StaffUser guangchen = townAdmin("guangchen");

        ImportReport report = importer.importFile("v.csv", csv(HEADER,
                p + "-GC,广陈超市,商超,广陈镇,广陈镇 1 号,,,,",
                row(p + "-X"),
                p + "-DH,抢过来,商超,广陈镇,广陈镇 2 号,,,,"), ImportMode.VALID_ONLY, guangchen);

        assertThat(report.errors()).extracting(e -> e.line() + " " + e.messageKey())
                .containsExactly("3 venue.import.error.otherTown", "4 venue.import.error.codeOfOtherTown");
        assertThat(report.created()).isEqualTo(1);
        assertThat(venue(p + "-DH").name()).isEqualTo("平湖超市 " + p + "-DH");
        assertThat(directory.findByCode(p + "-X")).isEmpty();
    }

    private ImportReport importCsv(byte[] file) {
        return importCsv(file, ImportMode.ALL_OR_NOTHING);
    }

    private ImportReport importCsv(byte[] file, ImportMode mode) {
        return importer.importFile("venues.csv", file, mode, admin);
    }

    private Venue venue(String code) {
        return directory.findByCode(code).orElseThrow();
    }
}
