package org.jiaxing.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.PresenceIndex;
import org.jiaxing.checkin.VisitorNotice;
import org.jiaxing.checkin.VisitorNotices;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.support.MutableClock;
import org.jiaxing.tracing.domain.ApplyReport;
import org.jiaxing.tracing.domain.CaseFile;
import org.jiaxing.tracing.domain.ContactLevel;
import org.jiaxing.tracing.domain.InvestigationRecord;
import org.jiaxing.tracing.domain.InvestigationRecord.RevealState;
import org.jiaxing.tracing.domain.Investigations;
import org.jiaxing.tracing.domain.NewCase;
import org.jiaxing.tracing.domain.Notification;
import org.jiaxing.tracing.domain.Outbox;
import org.jiaxing.tracing.domain.RevealedContact;
import org.jiaxing.tracing.domain.TraceResult;
import org.jiaxing.tracing.domain.TracingRules;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An investigation end to end on both databases: real persons, venues and check-ins, then result, four-eyes
 * reveal, export audit, apply with never-downgrade, notifications and rule changes.
 */
abstract class InvestigationsContract {

    @Autowired Investigations investigations;
    @Autowired TracingRules rules;
    @Autowired Outbox outbox;
    @Autowired VisitorNotices notices;
    @Autowired Persons persons;
    @Autowired HealthStatuses health;
    @Autowired CheckinRecorder recorder;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired AuditLog audit;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired PresenceIndex presenceIndex;

    Venue shop;
    Venue office;
    Instant t0;

    /** Through the path production takes once started: check-ins read from the presence index. */
    @BeforeEach
    void presenceIndexLoaded() throws InterruptedException {
        for (int i = 0; i < 600 && !presenceIndex.ready(); i++) {
            Thread.sleep(50);
        }
        assertThat(presenceIndex.ready()).as("presence index loaded").isTrue();
    }

    @Test
    void anImportFollowedAtOnceByAnInvestigationIsFound() {
        PersonDetails caseDetails = TestPersons.details("病例导入");
        long theCase = register(caseDetails);
        long imported = register(TestPersons.details("导入密接"));
        visit(theCase, shop, t0, t0.plus(Duration.ofHours(1)));
        // a register import: old visits, all in one batch, acknowledged when committed
        recorder.recordAll(List.of(new NewCheckin(imported, shop.id(), t0.plus(Duration.ofMinutes(5)), false,
                CheckinChannel.IMPORT, null, t0.plus(Duration.ofMinutes(50)))));

        long id = investigations.open("导入后立即追溯", null, List.of(new NewCase(1, caseDetails.phone(),
                t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(1)))), "tracer-a");

        assertThat(investigations.result(id).contacts()).extracting(c -> c.personId(), c -> c.level())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(imported, ContactLevel.CLOSE));
    }

    @BeforeEach
    void venues() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        registry.upsertAll(List.of(
                new VenueDraft("TR-S" + suffix, "测试超市 " + suffix, "SUPERMARKET", "danghu", "当湖街道测试路 1 号",
                        null, null, null, null, null, null),
                new VenueDraft("TR-O" + suffix, "测试写字楼 " + suffix, "RESTAURANT", "zhapu", "乍浦镇测试路 2 号",
                        null, null, null, null, null, null)));
        shop = venues.findByCode("TR-S" + suffix).orElseThrow();
        office = venues.findByCode("TR-O" + suffix).orElseThrow();
        t0 = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anInvestigationFindsCloseSecondaryAndExposedWithRiskVenuesAndIsAudited() {
        PersonDetails caseDetails = TestPersons.details("病例甲");
        long theCase = register(caseDetails);
        long close = register(TestPersons.details("密接乙"));
        long exposed = register(TestPersons.details("暴露丙"));
        long secondary = register(TestPersons.details("次密丁"));
        long refused = register(TestPersons.details("拒入戊"));
        visit(theCase, shop, t0, t0.plus(Duration.ofHours(1)));
        visit(close, shop, t0.plus(Duration.ofMinutes(40)), t0.plus(Duration.ofMinutes(55)));
        visit(exposed, shop, t0.plus(Duration.ofMinutes(80)), t0.plus(Duration.ofMinutes(85)));
        visit(close, office, t0.plus(Duration.ofHours(3)), t0.plus(Duration.ofHours(4)));
        visit(secondary, office, t0.plus(Duration.ofHours(3)), t0.plus(Duration.ofHours(4)));
        recorder.record(new NewCheckin(refused, shop.id(), t0.plus(Duration.ofMinutes(10)), true, CheckinChannel.API, null));

        long id = investigations.open("  聚集性疫情 A  ", null, List.of(new NewCase(1, caseDetails.phone(),
                t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(1)))), "tracer-a");

        InvestigationRecord header = investigations.find(id);
        assertThat(header.reason()).isEqualTo("聚集性疫情 A");
        assertThat(header.asOf()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(List.of(header.closeCount(), header.secondaryCount(), header.exposedCount())).containsExactly(1, 1, 1);
        TraceResult result = investigations.result(id);
        assertThat(result.contacts()).extracting(c -> c.personId(), c -> c.level()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(close, ContactLevel.CLOSE),
                org.assertj.core.groups.Tuple.tuple(secondary, ContactLevel.SECONDARY),
                org.assertj.core.groups.Tuple.tuple(exposed, ContactLevel.EXPOSED));
        assertThat(result.casePresences()).singleElement().satisfies(p -> {
            assertThat(p.venueId()).isEqualTo(shop.id());
            assertThat(p.riskEnd() - p.start()).isEqualTo(90 * 60);
        });
        assertThat(result.contacts().get(1).evidence()).singleElement()
                .satisfies(e -> assertThat(e.viaPersonId()).isEqualTo(close));
        // reproducible: the same asOf with the same data gives the stored answer
        assertThat(investigations.recompute(id)).isEqualTo(result);

        assertThat(audit.forSubject("investigation", Long.toString(id))).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("TRACING_INVESTIGATION_OPEN");
            assertThat(entry.actor()).isEqualTo("tracer-a");
            assertThat(entry.reason()).isEqualTo("聚集性疫情 A");
            assertThat(entry.detail()).contains("close=1 secondary=1 exposed=1");
        });
        assertThat(audit.forSubject("person", Long.toString(theCase))).extracting(AuditRecord::action)
                .contains("TRACING_CASE_LOOKUP");
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    /** Results stored as rows before migration V55 stay readable beside the ones stored as one value. */
    @Test
    void anInvestigationStoredAsRowsBeforeV55IsStillRead() {
        long id = jdbc.queryForObject("""
                INSERT INTO investigation (reason, as_of, opened_by, opened_at, close_count, secondary_count,
                                           exposed_count, reveal_state)
                VALUES ('旧调查', 1700000000000, 'tracer-a', 1700000000000, 1, 0, 1, 'NONE') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO investigation_presence VALUES (?, 7, 70, ?, 1000000, 2000000, 3000000)", id, shop.id());
        jdbc.update("INSERT INTO investigation_contact VALUES (?, 9, 'CLOSE')", id);
        jdbc.update("INSERT INTO investigation_contact VALUES (?, 8, 'EXPOSED')", id);
        jdbc.update("INSERT INTO investigation_evidence VALUES (?, 9, 0, 'CLOSE', ?, 1000000, 1900000, 7, NULL, 90)",
                id, shop.id());
        jdbc.update("INSERT INTO investigation_evidence VALUES (?, 8, 0, 'EXPOSED', ?, 2000000, 2500000, 7, NULL, 80)",
                id, shop.id());

        TraceResult result = investigations.result(id);

        assertThat(result.casePresences()).containsExactly(
                new org.jiaxing.tracing.domain.CasePresence(7, 70, shop.id(), 1000, 2000, 3000));
        assertThat(result.contacts()).extracting(c -> c.personId(), c -> c.level()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(9L, ContactLevel.CLOSE),
                org.assertj.core.groups.Tuple.tuple(8L, ContactLevel.EXPOSED));
        assertThat(result.contacts().getFirst().evidence()).containsExactly(new org.jiaxing.tracing.domain.Evidence(
                ContactLevel.CLOSE, shop.id(), 1000, 1900, 7, null, 90));
    }

    @Test
    void identitiesNeedASecondOfficialAndEveryRevealAndExportIsAudited() {
        PersonDetails caseDetails = TestPersons.details("病例甲");
        long theCase = register(caseDetails);
        PersonDetails contactDetails = TestPersons.details("密接乙");
        long contact = register(contactDetails);
        visit(theCase, shop, t0, t0.plus(Duration.ofHours(1)));
        visit(contact, shop, t0, t0.plus(Duration.ofHours(1)));
        long id = investigations.open("病例甲", null, List.of(new NewCase(1, caseDetails.idNumber(), t0,
                t0.plus(Duration.ofHours(2)))), "tracer-a");

        assertThatThrownBy(() -> investigations.revealed(id, "tracer-a")).isInstanceOf(TracingRefused.class);
        assertThatThrownBy(() -> investigations.approveReveal(id, "tracer-b"))
                .hasMessageContaining("tracing.error.nothingToApprove");
        assertThatThrownBy(() -> investigations.requestReveal(id, " ", "tracer-a"))
                .isInstanceOf(InvalidInvestigation.class);
        investigations.requestReveal(id, "电话通知密接", "tracer-a");
        assertThatThrownBy(() -> investigations.revealed(id, "tracer-a")).isInstanceOf(TracingRefused.class);
        assertThatThrownBy(() -> investigations.approveReveal(id, "tracer-a"))
                .hasMessageContaining("tracing.error.ownRequest");

        InvestigationRecord approved = investigations.approveReveal(id, "tracer-b");

        assertThat(approved.revealState()).isEqualTo(RevealState.APPROVED);
        assertThat(approved.revealApprovedBy()).isEqualTo("tracer-b");
        assertThatThrownBy(() -> investigations.revealed(id, "tracer-b")).as("only the requester")
                .isInstanceOf(TracingRefused.class);
        List<RevealedContact> revealed = investigations.revealed(id, "tracer-a");
        assertThat(revealed).singleElement().satisfies(r -> {
            assertThat(r.details().name()).isEqualTo("密接乙");
            assertThat(r.details().phone()).isEqualTo(contactDetails.phone());
        });
        investigations.export(id, "csv", "tracer-a");
        assertThat(audit.forSubject("investigation", Long.toString(id))).extracting(AuditRecord::action)
                .containsExactly("TRACING_INVESTIGATION_OPEN", "TRACING_REVEAL_REQUEST", "TRACING_REVEAL_APPROVE",
                        "TRACING_EXPORT");
        assertThat(audit.forSubject("person", Long.toString(contact))).extracting(AuditRecord::action)
                .containsExactly("PERSON_REVEAL", "PERSON_REVEAL");
    }

    @Test
    void applyingRecodesWithoutEverDowngradingAndNotifiesOnce() {
        PersonDetails caseDetails = TestPersons.details("病例甲");
        long theCase = register(caseDetails);
        long close = register(TestPersons.details("密接乙"));
        long exposed = register(TestPersons.details("暴露丙"));
        long alreadyRed = register(TestPersons.details("红码丁"));
        visit(theCase, shop, t0, t0.plus(Duration.ofHours(1)));
        visit(close, shop, t0, t0.plus(Duration.ofHours(1)));
        visit(alreadyRed, shop, t0, t0.plus(Duration.ofMinutes(5)));
        visit(exposed, shop, t0.plus(Duration.ofMinutes(70)), t0.plus(Duration.ofMinutes(80)));
        health.assign(alreadyRed, HealthColour.RED, "确诊", null, "tracer-x");
        long id = investigations.open("病例甲", null, List.of(new NewCase(1, caseDetails.phone(), t0,
                t0.plus(Duration.ofHours(2)))), "tracer-a");

        ApplyReport report = investigations.apply(id, "tracer-a");

        assertThat(report).isEqualTo(new ApplyReport(2, 1));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(health.current(close).colour()).isEqualTo(HealthColour.RED);
        assertThat(health.current(close).until()).isEqualTo(now.plus(Duration.ofDays(10)));
        assertThat(health.current(close).reason()).contains("#" + id);
        assertThat(health.current(exposed).colour()).isEqualTo(HealthColour.YELLOW);
        assertThat(health.current(exposed).until()).isEqualTo(now.plus(Duration.ofDays(3)));
        assertThat(health.current(alreadyRed).until()).as("open-ended RED kept").isNull();
        assertThat(outbox.forPerson(close, t0)).singleElement().satisfies((Notification n) -> {
            assertThat(n.investigationId()).isEqualTo(id);
            assertThat(n.colour()).isEqualTo(HealthColour.RED);
            assertThat(n.sentAt()).isNull();
        });
        assertThat(outbox.forPerson(alreadyRed, t0)).isEmpty();
        assertThat(notices.messages(close, java.util.Locale.ROOT)).singleElement()
                .satisfies((VisitorNotice n) -> assertThat(n.text()).contains("#" + id).contains("红码"));
        assertThatThrownBy(() -> investigations.apply(id, "tracer-b")).isInstanceOf(TracingRefused.class);
        assertThat(outbox.dispatch()).isGreaterThanOrEqualTo(2);
        assertThat(outbox.forPerson(close, t0).getFirst().sentAt()).isNotNull();
    }

    @Test
    void aPersonSeesWhoLookedThemUpByRoleAndUnitNotName() {
        PersonDetails caseDetails = TestPersons.details("病例甲");
        long theCase = register(caseDetails);
        investigations.open("查询", null, List.of(new NewCase(1, caseDetails.phone(), t0, t0.plusSeconds(60))),
                "admin");
        assertThat(notices.accesses(theCase, java.util.Locale.ROOT)).isNotEmpty().allSatisfy(n -> {
            assertThat(n.text()).doesNotContain("admin");
            assertThat(n.text()).contains("市级管理员").contains("平湖市");
        });
    }

    @Test
    void everyProblemOfTheCasesIsReportedAndNothingIsOpened() {
        int before = investigations.recent(1000).size();
        assertThatThrownBy(() -> investigations.open("", clock.instant().plusSeconds(3600), List.of(
                new NewCase(1, "hello", t0, t0.plusSeconds(60)),
                new NewCase(2, TestPersons.phone(), t0, t0.plusSeconds(60)),
                new NewCase(3, TestPersons.idNumber(), t0, t0)), "tracer-a"))
                .isInstanceOfSatisfying(InvalidInvestigation.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + "@" + p.line() + ":" + p.messageKey())
                        .containsExactlyInAnyOrder("reason@0:tracing.error.reason.required",
                                "asOf@0:tracing.error.asOf.future", "case@1:tracing.error.case.unrecognised",
                                "case@2:tracing.error.case.unknown", "to@3:tracing.error.case.window",
                                "case@3:tracing.error.case.unknown"));
        assertThat(investigations.recent(1000)).hasSize(before);
    }

    @Test
    void aClusterCsvOpensOneInvestigationAndBrokenLinesAreNamed() {
        PersonDetails first = TestPersons.details("病例一");
        PersonDetails second = TestPersons.details("病例二");
        register(first);
        register(second);
        String csv = "case,from,to\n" + first.phone() + ",2026-01-01 08:00,2026-01-02 08:00\n" + second.idNumber()
                + ",2026-01-01T08:00:00+08:00,2026-01-03 08:00:30\n";
        List<NewCase> cases = CaseFile.read(csv.getBytes(StandardCharsets.UTF_8), ZoneId.of("Asia/Shanghai"), 10);
        assertThat(cases).extracting(NewCase::line).containsExactly(2, 3);
        assertThat(cases.get(1).to()).isEqualTo(Instant.parse("2026-01-03T00:00:30Z"));
        long id = investigations.open("聚集", null, cases, "tracer-a");
        assertThat(investigations.cases(id)).hasSize(2);

        String broken = "case,from\n" + first.phone() + ",yesterday\n";
        assertThatThrownBy(() -> CaseFile.read(broken.getBytes(StandardCharsets.UTF_8), ZoneId.of("Asia/Shanghai"), 10))
                .isInstanceOfSatisfying(InvalidInvestigation.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.messageKey()).containsExactly("1:tracing.error.file.column"));
        String badTimes = "case,from,to\n" + first.phone() + ",yesterday,2026-01-01 08:00\n,,\n" + first.phone()
                + ",2026-01-01 08:00,2026-13-01 08:00\n";
        assertThatThrownBy(() -> CaseFile.read(badTimes.getBytes(StandardCharsets.UTF_8), ZoneId.of("Asia/Shanghai"), 10))
                .isInstanceOfSatisfying(InvalidInvestigation.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.field()).containsExactly("2:from", "4:to"));
    }

    @Test
    void ruleChangesApplyToTheNextInvestigationAndAreAudited() {
        PersonDetails caseDetails = TestPersons.details("病例甲");
        long theCase = register(caseDetails);
        long contact = register(TestPersons.details("密接乙"));
        visit(theCase, office, t0, t0.plus(Duration.ofHours(1)));
        visit(contact, office, t0, t0.plus(Duration.ofMinutes(20)));
        List<NewCase> cases = List.of(new NewCase(1, caseDetails.phone(), t0, t0.plus(Duration.ofHours(2))));
        assertThat(investigations.find(investigations.open("前", null, cases, "tracer-a")).closeCount()).isEqualTo(1);

        assertThatThrownBy(() -> rules.update("RESTAURANT", 0, 30, 30, "x", "admin"))
                .isInstanceOf(InvalidInvestigation.class);
        try {
            rules.update("RESTAURANT", 90, 30, 30, "新指南", "admin");
            assertThat(rules.find("RESTAURANT").orElseThrow().closeMinutes()).isEqualTo(30);
            assertThat(investigations.find(investigations.open("后", null, cases, "tracer-a")).closeCount()).isZero();
            assertThat(audit.forSubject("venue_category", "RESTAURANT")).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("TRACING_RULE_CHANGE");
                assertThat(entry.detail()).isEqualTo("dwell 90->90 close 15->30 linger 30->30");
                assertThat(entry.reason()).isEqualTo("新指南");
            });
        } finally {
            rules.update("RESTAURANT", 90, 15, 30, "恢复", "admin");
        }
    }

    long register(PersonDetails details) {
        return persons.registerOrUpdate(details).id();
    }

    void visit(long person, Venue venue, Instant in, Instant out) {
        recorder.record(new NewCheckin(person, venue.id(), in, false, CheckinChannel.IMPORT, null, out));
    }
}
