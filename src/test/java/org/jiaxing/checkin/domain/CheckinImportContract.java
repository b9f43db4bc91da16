package org.jiaxing.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiaxing.checkin.RegisterFiles.HEADER;
import static org.jiaxing.checkin.RegisterFiles.iso;
import static org.jiaxing.checkin.RegisterFiles.row;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.checkin.Checkin;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinImportDenied;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.checkin.RegisterFiles;
import org.jiaxing.checkin.domain.CheckinImportReport.RowError;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.support.MutableClock;
import org.jiaxing.venue.TestVenues;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing paper registers on both databases: all rows or none, every bad row reported by line. */
abstract class CheckinImportContract {

    @Autowired CheckinImporter importer;
    @Autowired CheckinQueries queries;
    @Autowired Persons persons;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired AuditLog audit;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    /** 2026-03-02 10:00 in Pinghu. */
    final Instant now = Instant.parse("2026-03-02T02:00:00Z");
    /** Two days earlier, 10:02 in the morning. */
    final Instant monday = now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(2));
    final StaffUser cityAdmin = TestVenues.cityAdmin();

    Venue market;
    Venue hall;
    String zhangPhone;
    Person zhang;
    String liPhone;
    Person li;

    @BeforeEach
    void aCityWithTwoVenuesAndTwoPeople() {
        clock.set(now);
        String prefix = TestVenues.uniquePrefix();
        registry.upsertAll(List.of(TestVenues.aVenue(prefix + "-M").draft(),
                TestVenues.aVenue(prefix + "-H").town("guangchen").draft()));
        market = venues.findByCode(prefix + "-M").orElseThrow();
        hall = venues.findByCode(prefix + "-H").orElseThrow();
        zhangPhone = TestPersons.phone();
        zhang = persons.registerOrUpdate(org.jiaxing.person.PersonDetails.of("张三", zhangPhone, TestPersons.idNumber()));
        liPhone = TestPersons.phone();
        li = persons.registerOrUpdate(org.jiaxing.person.PersonDetails.of("李四光", liPhone, TestPersons.idNumber()));
    }

    @Test
    void aGoodFileImportsEveryRowWithItsCheckOut() {
        byte[] file = RegisterFiles.utf8(HEADER,
                row(market.code(), zhangPhone, "张三", monday, monday.plus(Duration.ofMinutes(45))),
                row(market.code().toLowerCase(), "139 " + liPhone.substring(3), "", monday.plusSeconds(60), null),
                row(hall.code(), zhangPhone, null, monday.plus(Duration.ofHours(3)), null));

        CheckinImportReport report = importer.importFile("登记簿.csv", file, cityAdmin);

        assertThat(report.applied()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.duplicates()).isZero();
        List<Checkin> atMarket = queries.atVenue(market.id(), monday, now);
        assertThat(atMarket).extracting(Checkin::personId).containsExactly(zhang.id(), li.id());
        assertThat(atMarket).extracting(Checkin::channel).containsOnly(CheckinChannel.IMPORT);
        assertThat(atMarket.getFirst().checkedInAt()).isEqualTo(monday);
        assertThat(atMarket.getFirst().checkedOutAt()).isEqualTo(monday.plus(Duration.ofMinutes(45)));
        assertThat(atMarket.get(1).checkedOutAt()).isNull();
        assertThat(queries.ofPerson(zhang.id(), monday, now)).extracting(Checkin::venueId)
                .containsExactly(market.id(), hall.id());
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndNothingIsWritten() {
        Instant tooOld = now.minus(Duration.ofDays(28));
        String noOffset = monday.atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDateTime().toString();
        byte[] file = RegisterFiles.utf8(HEADER,
                row(market.code(), zhangPhone, "张三", monday, null),                                   // 2 good
                market.code() + "," + zhangPhone + ",张三,2026-02-30T10:00:00+08:00,",                  // 3 bad time
                market.code() + "," + zhangPhone + ",张三," + noOffset + ",",                           // 4 no offset
                row(market.code(), zhangPhone, "张三", now.plusSeconds(60), null),                      // 5 future
                row(market.code(), zhangPhone, "张三", tooOld, null),                                   // 6 too old
                row(market.code(), zhangPhone, "张三", monday, monday.minusSeconds(60)),                // 7 out before in
                row("NO-SUCH-VENUE", zhangPhone, "张三", monday, null),                                 // 8 unknown venue
                row(market.code(), TestPersons.phone(), "王五", monday, null),                          // 9 unknown phone
                row(market.code(), "12345", "张三", monday, null),                                      // 10 invalid phone
                row(market.code(), zhangPhone, "李四光", monday, null),                                 // 11 name of another
                market.code() + "," + zhangPhone + ",张\"三," + iso(monday) + ",",                      // 12 stray quote
                market.code() + "," + zhangPhone + ",张三,李四," + iso(monday) + ",",                   // 13 six fields
                row(market.code(), liPhone, "", monday, null),                                          // 14 good
                ",,张三,,",                                                                              // 15 all missing
                row(market.code(), zhangPhone, "张三", monday, monday.plus(Duration.ofDays(5))));       // 16 out in future

        CheckinImportReport report = importer.importFile("bad.csv", file, cityAdmin);

        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).isEqualTo(15);
        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).isEqualTo(13);
        Map<Integer, List<String>> byLine = report.errors().stream().collect(Collectors.groupingBy(RowError::line,
                java.util.TreeMap::new, Collectors.mapping(RowError::messageKey, Collectors.toList())));
        assertThat(byLine).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16);
        assertThat(byLine.get(3)).containsExactly("checkin.import.error.timeFormat");
        assertThat(byLine.get(4)).containsExactly("checkin.import.error.timeNoOffset");
        assertThat(byLine.get(5)).containsExactly("checkin.import.error.inTheFuture");
        assertThat(byLine.get(6)).containsExactly("checkin.import.error.tooOld");
        assertThat(byLine.get(7)).containsExactly("checkin.import.error.checkOutNotAfterCheckIn");
        assertThat(byLine.get(8)).containsExactly("checkin.import.error.unknownVenue");
        assertThat(byLine.get(9)).containsExactly("checkin.import.error.unknownPhone");
        assertThat(byLine.get(10)).containsExactly("checkin.import.error.phoneInvalid");
        assertThat(byLine.get(11)).containsExactly("checkin.import.error.nameMismatch");
        assertThat(byLine.get(12)).containsExactly("checkin.import.error.strayQuote");
        assertThat(byLine.get(13)).containsExactly("checkin.import.error.fieldCount");
        assertThat(byLine.get(15)).containsExactly("checkin.import.error.venueRequired",
                "checkin.import.error.phoneRequired", "checkin.import.error.timeRequired");
        assertThat(byLine.get(16)).containsExactly("checkin.import.error.inTheFuture");
        // the other person's masked name says whose phone it is, without revealing more
        assertThat(report.errors().stream().filter(error -> error.line() == 11).findFirst().orElseThrow().args())
                .containsExactly("张*");
        assertThat(queries.atVenue(market.id(), tooOld, now.plus(Duration.ofDays(10)))).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsLineWithTheRowsBeforeIt() {
        byte[] file = RegisterFiles.utf8(HEADER,
                row("NO-SUCH-VENUE", zhangPhone, "张三", monday, null),
                market.code() + "," + zhangPhone + ",\"张三," + iso(monday) + ",",
                row(market.code(), liPhone, "李四光", monday, null));

        CheckinImportReport report = importer.importFile("quote.csv", file, cityAdmin);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).extracting(RowError::line, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "checkin.import.error.unknownVenue"),
                org.assertj.core.groups.Tuple.tuple(3, "checkin.import.error.unclosedQuote"));
        assertThat(queries.atVenue(market.id(), monday, now)).isEmpty();
    }

    @Test
    void aTownAdministratorImportsOnlyForVenuesOfTheirTown() {
        StaffUser danghu = TestVenues.townAdmin("danghu");
        byte[] both = RegisterFiles.utf8(HEADER, row(market.code(), zhangPhone, "张三", monday, null),
                row(hall.code(), zhangPhone, "张三", monday.plus(Duration.ofHours(2)), null));

        CheckinImportReport refused = importer.importFile("both.csv", both, danghu);

        assertThat(refused.applied()).isFalse();
        assertThat(refused.errors()).extracting(RowError::line, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "checkin.import.error.otherTown"));
        assertThat(queries.ofPerson(zhang.id(), monday, now)).isEmpty();

        CheckinImportReport own = importer.importFile("own.csv",
                RegisterFiles.utf8(HEADER, row(market.code(), zhangPhone, "张三", monday, null)), danghu);
        assertThat(own.imported()).isEqualTo(1);
        assertThat(importer.importFile("hall.csv", RegisterFiles.utf8(HEADER,
                row(hall.code(), zhangPhone, "张三", monday, null)), TestVenues.tracer()).imported()).isEqualTo(1);
    }

    @Test
    void otherRolesMayNotImport() {
        byte[] file = RegisterFiles.utf8(HEADER, row(market.code(), zhangPhone, "张三", monday, null));

        assertThatThrownBy(() -> importer.importFile("f.csv", file, TestVenues.venueStaff(market.id())))
                .isInstanceOf(CheckinImportDenied.class);
        assertThatThrownBy(() -> importer.importFile("f.csv", file, TestVenues.supervisor()))
                .isInstanceOf(CheckinImportDenied.class);
        assertThat(queries.atVenue(market.id(), monday, now)).isEmpty();
    }

    @Test
    void aGbkFileFromChineseExcelImports() {
        byte[] file = RegisterFiles.gbk("venue_code,phone,name,checked_in_at",
                String.join(",", market.code(), zhangPhone, "张三", iso(monday)),
                String.join(",", market.code(), liPhone, "李四光", iso(monday.plusSeconds(90))));

        CheckinImportReport report = importer.importFile("excel.csv", file, cityAdmin);

        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(queries.atVenue(market.id(), monday, now)).extracting(Checkin::personId)
                .containsExactly(zhang.id(), li.id());
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndRepeatedLinesAreFoldedByDedup() {
        byte[] file = RegisterFiles.utf8(HEADER,
                row(market.code(), zhangPhone, "张三", monday.plus(Duration.ofMinutes(10)), null),
                row(market.code(), zhangPhone, "张三", monday, null),
                row(market.code(), zhangPhone, "张三", monday.plus(Duration.ofMinutes(3)), null),
                row(market.code(), liPhone, "李四光", monday.plus(Duration.ofMinutes(3)), null));

        CheckinImportReport first = importer.importFile("f.csv", file, cityAdmin);
        CheckinImportReport again = importer.importFile("f.csv", file, cityAdmin);

        // in time order, the 10:05 and 10:12 lines fall into the 10:02 visit's window, whatever the file's order
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.duplicates()).isEqualTo(2);
        assertThat(again.applied()).isTrue();
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(4);
        List<Checkin> stored = queries.atVenue(market.id(), monday, now);
        assertThat(stored).extracting(Checkin::personId).containsExactly(zhang.id(), li.id());
        assertThat(stored.getFirst().checkedInAt()).isEqualTo(monday);
        assertThat(stored.getFirst().lastSeenAt()).isEqualTo(monday.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aLineInAStayThatWasNotFoldedIntoItIsANewVisit() {
        importer.importFile("first.csv", RegisterFiles.utf8(HEADER, row(market.code(), zhangPhone, "张三", monday, null)),
                cityAdmin);

        CheckinImportReport later = importer.importFile("second.csv", RegisterFiles.utf8(HEADER,
                row(market.code(), zhangPhone, "张三", monday.plus(Duration.ofMinutes(5)), null)), cityAdmin);

        // the stored stay was never seen at 10:07: this line is no repeat of an import (see RecordedVisits)
        assertThat(later.imported()).isEqualTo(1);
        assertThat(queries.atVenue(market.id(), monday, now)).hasSize(2);
    }

    @Test
    void everyImportLeavesAnAuditEntryWithActorFileAndCounts() {
        byte[] good = RegisterFiles.utf8(HEADER, row(market.code(), zhangPhone, "张三", monday, null));
        byte[] bad = RegisterFiles.utf8(HEADER, row("NO-SUCH-VENUE", zhangPhone, "张三", monday, null));

        importer.importFile("C:\\登记\\三月 登记簿.csv", good, cityAdmin);
        importer.importFile("bad.csv", bad, cityAdmin);

        List<AuditRecord> applied = audit.forSubject("checkin-file", ImportAudit.sha256(good));
        assertThat(applied).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(cityAdmin.getUsername());
            assertThat(entry.action()).isEqualTo("CHECKIN_IMPORT");
            assertThat(entry.detail()).isEqualTo(
                    "file=三月_登记簿.csv rows=1 imported=1 duplicates=0 rejected=0 applied=true");
        });
        assertThat(audit.forSubject("checkin-file", ImportAudit.sha256(bad))).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo(
                        "file=bad.csv rows=1 imported=0 duplicates=0 rejected=1 applied=false"));
        // no personal data in the trail
        assertThat(applied.getFirst().detail()).doesNotContain(zhangPhone, "张三");
    }

    @Test
    void filesThatCannotBeReadAreRefusedAsAWhole() {
        assertThatThrownBy(() -> importer.importFile("e.csv", new byte[0], cityAdmin))
                .hasMessage("checkin.import.error.empty");
        assertThatThrownBy(() -> importer.importFile("e.csv", RegisterFiles.utf8("", "", ""), cityAdmin))
                .hasMessage("checkin.import.error.empty");
        assertThatThrownBy(() -> importer.importFile("h.csv", RegisterFiles.utf8(HEADER, ",,,,"), cityAdmin))
                .hasMessage("checkin.import.error.noRows");
        assertThatThrownBy(() -> importer.importFile("m.csv", RegisterFiles.utf8("venue,phone,name,time",
                "x,y,z,w"), cityAdmin)).isInstanceOfSatisfying(InvalidCheckinFile.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("checkin.import.error.missingColumns");
                    assertThat(e.messageArgs()).containsExactly("venue_code, checked_in_at");
                });
        assertThatThrownBy(() -> importer.importFile("d.csv", RegisterFiles.utf8(HEADER + ",phone", "x"), cityAdmin))
                .hasMessage("checkin.import.error.duplicateColumn");
        byte[] latin1 = (HEADER + "\nPH-1,13900000000,Jos\u00e9,x,y").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> importer.importFile("l.csv", latin1, cityAdmin))
                .hasMessage("checkin.import.error.notText");
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00};
        assertThatThrownBy(() -> importer.importFile("r.xlsx", xlsx, cityAdmin))
                .hasMessage("checkin.import.error.notText");
    }
}
