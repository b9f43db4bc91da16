package org.jiaxing.project.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.project.ProjectDemoData;
import org.jiaxing.project.ProjectDemoData.Person;
import org.jiaxing.project.ProjectFixtures;
import org.jiaxing.project.StageColour;
import org.jiaxing.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The demo set: 60 projects in all colours and stages, the two of the article, problems in every state. */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class DemoProjectsTests {

    @Autowired ProjectDemoData demo;
    @Autowired ProjectService projects;
    @Autowired ProblemService problems;
    @Autowired ProgressTable table;
    @Autowired MorningSheets sheets;
    @Autowired ProjectTime time;

    @Test
    void seedsSixtyProjectsAcrossColoursStagesAndProblemStates() {
        // the application context may be shared with other tests that created projects of their own
        long before = projects.count();
        StaffUser owner = ProjectFixtures.member("业主代表 王佳");
        long started = System.nanoTime();
        int seeded = demo.seed(new ProjectDemoData.People(
                List.of(new Person(9001, "农开区 朱振华"), new Person(9002, "农开区 沈丽娟"), new Person(9003, "顾建平")),
                new Person(9010, "徐卫东"), new Person(owner.id(), owner.displayName()),
                Map.of("HOUSING", new Person(9020, "住建局 钱立新"))), 20220314L);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(seeded).isEqualTo(60);
        assertThat(projects.count()).isEqualTo(before + 60);
        assertThat(demo.isEmpty()).isFalse();
        assertThat(millis).as("seeding time in ms").isLessThan(30_000);
        List<Project> all = projects.all();
        assertThat(all).extracting(Project::colour).contains(StageColour.values());
        assertThat(all).extracting(Project::name).contains("长三角优质草莓种源研发中心", "荷兰福纳瑞园艺中国种源研发中心");
        assertThat(all.stream().map(p -> ProjectService.current(projects.stages(p.id())).map(StagePlan::stageCode)
                .orElse("DONE")).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(problems.all()).extracting(Problem::status).contains(ProblemStatus.values());
        assertThat(all).allSatisfy(p -> assertThat(p.siteVenueId()).isNotNull());

        // the owner representative sees exactly their project
        assertThat(table.rows(owner, ProgressQuery.all(), java.util.Locale.CHINA)).singleElement()
                .satisfies(r -> assertThat(r.project().code()).isEqualTo("NK-001"));
        // the strawberry centre is in production, the Dutch centre past its main structure
        Project strawberry = all.stream().filter(p -> p.code().equals("NK-001")).findFirst().orElseThrow();
        assertThat(ProjectService.current(projects.stages(strawberry.id())).orElseThrow().stageCode())
                .isEqualTo("PRODUCTION");
        Project dutch = all.stream().filter(p -> p.code().equals("NK-002")).findFirst().orElseThrow();
        assertThat(ProjectService.current(projects.stages(dutch.id())).orElseThrow().stageCode()).isEqualTo("ACCEPTANCE");
        assertThat(sheets.generate(time.today(), "test").projects()).hasSize((int) before + 60);
    }
}
