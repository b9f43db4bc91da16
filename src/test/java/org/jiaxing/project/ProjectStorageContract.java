package org.jiaxing.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.domain.Channel;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.Meetings;
import org.jiaxing.project.domain.MorningSheet;
import org.jiaxing.project.domain.MorningSheets;
import org.jiaxing.project.domain.NewProblem;
import org.jiaxing.project.domain.ProblemService;
import org.jiaxing.project.domain.ProgressQuery;
import org.jiaxing.project.domain.ProgressTable;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.jiaxing.project.domain.Rankings;
import org.jiaxing.project.domain.Reports;
import org.jiaxing.project.domain.SiteCodes;
import org.jiaxing.project.domain.SiteVisits;
import org.jiaxing.project.domain.Upload;
import org.jiaxing.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every SQL statement of the project module, on both databases. */
public abstract class ProjectStorageContract {

    @Autowired ProjectService projects;
    @Autowired ProblemService problems;
    @Autowired Departments departments;
    @Autowired SiteVisits visits;
    @Autowired SiteCodes sites;
    @Autowired Reports reports;
    @Autowired Channel channel;
    @Autowired MorningSheets sheets;
    @Autowired Rankings rankings;
    @Autowired Meetings meetings;
    @Autowired ProgressTable table;
    @Autowired ProjectTime time;
    @Autowired MutableClock clock;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Test
    void aProjectsWholeLifeIsStoredAndReadBack() {
        StaffUser supervisor = ProjectFixtures.supervisor();
        StaffUser official = ProjectFixtures.member("朱振华");
        StaffUser housing = ProjectFixtures.department("住建局");
        departments.addUser("HOUSING", housing.id());
        departments.addUser("HOUSING", housing.id());
        long id = projects.create(ProjectFixtures.project("储存测试项目", official, "guangchen", time.today()), "test");
        projects.addMember(id, official.id(), official.displayName(), MemberRole.HANDLER, "test");
        projects.addMember(id, official.id(), official.displayName(), MemberRole.HANDLER, "test");
        assertThat(projects.members(id)).hasSize(2);
        assertThat(projects.stages(id)).hasSize(9);

        String path = sites.url(projects.find(id).orElseThrow().siteVenueId());
        visits.scan(path.substring(path.lastIndexOf('/') + 1), official);
        visits.scan(path.substring(path.lastIndexOf('/') + 1), official);
        assertThat(visits.recent(id, 2)).hasSize(1);
        assertThat(visits.lastOfficialDays()).containsEntry(id, time.today());

        reports.post(id, "土方开挖", "明日继续", "SIGNING", 40, List.of(new Upload("a.png", PNG)), official);
        assertThat(reports.timeline(id, 5)).singleElement().satisfies(r -> {
            assertThat(r.percent()).isEqualTo(40);
            assertThat(r.attachments()).hasSize(1);
        });
        long message = channel.post(id, "@朱振华 请看", List.of(), supervisor);
        assertThat(channel.unread(official, id)).isEqualTo(1);
        channel.markRead(official, id);
        assertThat(channel.unread(official)).isZero();
        long fromMessage = channel.toProblem(id, message, "消息转问题", ProblemCategory.OTHER, false, supervisor);

        long problem = problems.raise(id, new NewProblem("用电", "增容", ProblemCategory.UTILITIES, true), official, null);
        problems.assign(problem, Set.of("HOUSING", "POWER"), time.today().plusDays(1), "限期", "张副镇长", supervisor);
        problems.start(problem, null, housing);
        assertThat(problems.openFor(housing)).extracting(p -> p.id()).containsExactly(problem);
        problems.escalate(problem, "提级", supervisor);
        clock.advance(Duration.ofDays(3));
        assertThat(problems.flagOverdue()).isEqualTo(1);
        assertThat(problems.flagOverdue()).isZero();
        assertThat(problems.overdueFlags(problem)).isEqualTo(1);
        assertThat(problems.openFor(supervisor).getFirst().id()).isEqualTo(problem);
        problems.resolve(problem, "已解决", housing);
        problems.verify(problem, null, official);
        assertThat(problems.requireVisible(problem, supervisor).status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(problems.requireVisible(problem, supervisor).departments()).containsExactly("HOUSING", "POWER");
        assertThat(problems.requireVisible(fromMessage, supervisor).sourceMessageId()).isEqualTo(message);

        long meeting = meetings.record("WEEKLY", id, time.today(), "周例会", "全体", "纪要", List.of("决定一"), "WATER",
                time.today().plusDays(2), supervisor);
        assertThat(meetings.recent(5)).first().satisfies(m -> {
            assertThat(m.id()).isEqualTo(meeting);
            assertThat(m.decisions()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(ProblemStatus.ASSIGNED));
        });

        projects.updateStage(id, "SIGNING", null, null, 100, null, supervisor);
        assertThat(projects.stages(id).getFirst().completedOn()).isEqualTo(time.today());
        assertThat(projects.colourHistory(id)).isNotEmpty();

        MorningSheet sheet = sheets.generate(time.today(), "test");
        sheets.generate(time.today(), "test");
        assertThat(sheets.find(time.today()).orElseThrow().projects()).hasSize(sheet.projects().size());
        assertThat(sheets.days(5)).contains(time.today());

        assertThat(table.rows(supervisor, ProgressQuery.all(), Locale.CHINA)).isNotEmpty();
        assertThat(rankings.byProject()).isNotEmpty();
        assertThat(rankings.byTown(Locale.CHINA)).isNotEmpty();
        assertThat(rankings.colourCounts(10)).isNotEmpty();
        assertThat(rankings.weekly().raised()).isGreaterThanOrEqualTo(2);
    }
}
