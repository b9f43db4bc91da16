package org.jiaxing.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.project.ProjectFixtures;
import org.jiaxing.project.StageColour;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.MorningSheet;
import org.jiaxing.project.domain.MorningSheets;
import org.jiaxing.project.domain.NewProblem;
import org.jiaxing.project.domain.NewProject;
import org.jiaxing.project.domain.Problem;
import org.jiaxing.project.domain.ProblemService;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.jiaxing.project.domain.SiteCodes;
import org.jiaxing.project.domain.SiteVisits;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Key-project supervision end to end through the web layer: scopes of owner representatives, departments
 * and the supervision office; the problem lifecycle; the colour turning red when a deadline passes;
 * the XLSX export; uploads checked by content; the site code; the morning sheet.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ProjectSupervisionTests {

    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired ProblemService problems;
    @Autowired Departments departments;
    @Autowired MorningSheets sheets;
    @Autowired SiteCodes sites;
    @Autowired SiteVisits visits;
    @Autowired ProjectTime time;
    @Autowired AuditLog audit;
    @Autowired MutableClock clock;

    final StaffUser supervisor = ProjectFixtures.supervisor();

    record Team(long projectId, StaffUser official, StaffUser owner) {
    }

    Team team(String name, LocalDate start) {
        StaffUser official = ProjectFixtures.member("广陈镇 陆晓梅");
        StaffUser owner = ProjectFixtures.member("业主 沈国强");
        NewProject p = ProjectFixtures.project(name, official, "guangchen", start);
        long id = projects.create(p, "test");
        projects.addMember(id, owner.id(), owner.displayName(), MemberRole.OWNER_REP, "test");
        return new Team(id, official, owner);
    }

    @Test
    void anOwnerRepresentativeSeesOnlyTheirOwnProject() throws Exception {
        Team strawberry = team("草莓种苗研发中心", time.today());
        Team seeds = team("荷兰园艺种子研发中心", time.today());

        String table = page(get("/projects"), strawberry.owner());
        assertThat(table).contains("草莓种苗研发中心").doesNotContain("荷兰园艺种子研发中心");
        mvc.perform(get("/projects/" + seeds.projectId()).with(user(strawberry.owner()))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + strawberry.projectId()).with(user(strawberry.owner()))).andExpect(status().isOk());

        assertThat(page(get("/projects"), supervisor)).contains("草莓种苗研发中心", "荷兰园艺种子研发中心");
        assertThat(page(get("/projects"), ProjectFixtures.townAdmin("danghu"))).doesNotContain("草莓种苗研发中心");
        mvc.perform(get("/projects").with(user(ProjectFixtures.venueStaff()))).andExpect(status().isForbidden());
        mvc.perform(get("/projects").with(user(ProjectFixtures.department("住建局")))).andExpect(status().isForbidden());
    }

    @Test
    void aProblemGoesFromTheOwnerThroughTheOfficeToTheDepartmentAndBack() throws Exception {
        Team team = team("智慧农业产业园", time.today());
        StaffUser housing = ProjectFixtures.department("住建局 钱工");
        departments.addUser("HOUSING", housing.id());
        StaffUser water = ProjectFixtures.department("水务 李工");
        departments.addUser("WATER", water.id());

        String created = mvc.perform(post("/projects/" + team.projectId() + "/problems").param("title", "施工许可材料退回")
                        .param("description", "消防设计审查意见未出").param("category", "PERMIT")
                        .param("needsCoordination", "true").with(csrf()).with(user(team.owner())))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));

        // the department cannot see it before it is assigned to them; the owner may not assign
        mvc.perform(get("/problems/" + id).with(user(housing))).andExpect(status().isNotFound());
        mvc.perform(post("/problems/" + id + "/assign").param("department", "HOUSING")
                .param("deadline", time.today().plusDays(3).toString()).param("instruction", "三日内完成")
                .with(csrf()).with(user(team.owner()))).andExpect(status().isForbidden());

        // closing before anybody resolved it is refused with a clear message
        String refused = mvc.perform(post("/problems/" + id + "/verify").with(csrf()).with(user(supervisor)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("问题当前状态为“待交办”，不能“确认销号”");

        mvc.perform(post("/problems/" + id + "/assign").param("department", "HOUSING")
                .param("deadline", time.today().plusDays(3).toString()).param("instruction", "请住建局三日内出具意见")
                .param("oralBy", "副镇长 张建华").with(csrf()).with(user(supervisor))).andExpect(status().isFound());
        assertThat(page(get("/problems"), housing)).contains("施工许可材料退回");
        assertThat(page(get("/problems"), water)).doesNotContain("施工许可材料退回");
        mvc.perform(get("/problems/" + id).with(user(water))).andExpect(status().isNotFound());
        mvc.perform(post("/problems/" + id + "/resolve").with(csrf()).with(user(water))).andExpect(status().isNotFound());

        mvc.perform(post("/problems/" + id + "/start").with(csrf()).with(user(housing))).andExpect(status().isFound());
        mvc.perform(post("/problems/" + id + "/resolve").param("note", "意见已出具").with(csrf()).with(user(housing)))
                .andExpect(status().isFound());
        mvc.perform(post("/problems/" + id + "/note").param("note", "请业主确认").with(csrf()).with(user(supervisor)))
                .andExpect(status().isFound());
        mvc.perform(post("/problems/" + id + "/verify").with(csrf()).with(user(team.owner()))).andExpect(status().isFound());

        Problem closed = problems.requireVisible(id, supervisor);
        assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(closed.oralBy()).isEqualTo("副镇长 张建华");
        assertThat(problems.history(id)).extracting(e -> e.kind())
                .containsExactly("RAISED", "ASSIGN", "START", "RESOLVE", "NOTE", "VERIFY");
        assertThat(audit.forSubject("problem", Long.toString(id))).extracting(a -> a.action())
                .containsExactly("PROBLEM_RAISE", "PROBLEM_ASSIGN", "PROBLEM_START", "PROBLEM_RESOLVE", "PROBLEM_NOTE",
                        "PROBLEM_VERIFY");
        assertThat(page(get("/problems/" + id), supervisor)).contains("已销号", "副镇长 张建华", "意见已出具");
    }

    @Test
    void theProjectTurnsRedWhenAStageDeadlinePassesAndTheChangeIsKept() throws Exception {
        Team team = team("蔬菜冷链物流中心", time.today());
        // the first stage (签约) runs 10 days; finish nothing, then move past its deadline
        assertThat(page(get("/projects/" + team.projectId()), supervisor)).contains("data-colour=\"GREEN\"");

        clock.advance(Duration.ofDays(11));

        String html = page(get("/projects/" + team.projectId()), supervisor);
        assertThat(html).contains("id=\"project-colour\"", "data-colour=\"RED\"");
        assertThat(projects.find(team.projectId()).orElseThrow().colour()).isEqualTo(StageColour.RED);
        assertThat(projects.colourHistory(team.projectId()).getFirst())
                .satisfies(change -> {
                    assertThat(change.to()).isEqualTo(StageColour.RED);
                    assertThat(change.day()).isEqualTo(time.today());
                });
        assertThat(page(get("/projects?colour=RED"), supervisor)).contains("蔬菜冷链物流中心");
    }

    @Test
    void theExportIsAWorkbookWhereNothingBecomesAFormula() throws Exception {
        Team team = team("=HYPERLINK(\"http://evil\",\"点击\")", time.today());
        byte[] xlsx = mvc.perform(get("/projects/export.xlsx").with(user(team.owner()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目名称");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("签约");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Test
    void uploadsAreJudgedByContentAndServedOnlyToThoseWhoMaySeeTheProject() throws Exception {
        Team team = team("设施农业示范园", time.today());
        Team other = team("其他项目", time.today());

        String refused = mvc.perform(multipart("/projects/" + team.projectId() + "/reports")
                        .file(new MockMultipartFile("files", "photo.jpg", "image/jpeg",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .param("body", "钢结构吊装").with(csrf()).with(user(team.official())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("photo.jpg", "不是支持的照片");

        mvc.perform(multipart("/projects/" + team.projectId() + "/reports")
                        .file(new MockMultipartFile("files", "../../现场.png", "application/octet-stream", PNG))
                        .param("body", "钢结构吊装完成 60%").param("plan", "明天浇筑地坪")
                        .param("stage", "SIGNING").param("percent", "60").with(csrf()).with(user(team.official())))
                .andExpect(status().isFound());
        String html = page(get("/projects/" + team.projectId()), team.owner());
        assertThat(html).contains("钢结构吊装完成 60%", "明天浇筑地坪", "alt=\"现场.png\"");
        String key = html.replaceAll("(?s).*/projects/files/([0-9a-f]{32}\\.png).*", "$1");
        assertThat(key).hasSize(36);

        var response = mvc.perform(get("/projects/files/" + key).with(user(team.owner()))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("image/png");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getContentAsByteArray()).isEqualTo(PNG);
        mvc.perform(get("/projects/files/" + key).with(user(other.owner()))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/files/..%2F..%2Fjiaxing.db").with(user(supervisor)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
        assertThat(projects.stages(team.projectId()).getFirst().percent()).isEqualTo(60);
    }

    @Test
    void theOfficialScansTheSiteCodeOnArrivalAndOthersCannot() throws Exception {
        Team team = team("数字农业工厂", time.today());
        long venue = projects.find(team.projectId()).orElseThrow().siteVenueId();
        String url = sites.url(venue);
        String path = url.substring(url.indexOf("/site/"));

        mvc.perform(get(path).with(user(team.official()))).andExpect(status().isFound());
        mvc.perform(get(path).with(user(team.official()))).andExpect(status().isFound());
        mvc.perform(get(path).with(user(ProjectFixtures.member("路人")))).andExpect(status().isForbidden());
        mvc.perform(get("/site/not-a-code").with(user(team.official()))).andExpect(status().isNotFound());

        assertThat(visits.recent(team.projectId(), 3)).singleElement()
                .satisfies(v -> assertThat(v.userId()).isEqualTo(team.official().id()));
        assertThat(visits.isAbsent(visits.lastOfficialDays().get(team.projectId()), time.today())).isFalse();
        assertThat(audit.forSubject("project", Long.toString(team.projectId())))
                .filteredOn(a -> a.action().equals("PROJECT_SITE_SCAN")).hasSize(1);
    }

    @Test
    void theMorningSheetListsOverdueProblemsAndAbsentOfficialsAndIsSavedByDay() throws Exception {
        Team team = team("农产品加工园", time.today());
        long id = problems.raise(team.projectId(), new NewProblem("电力增容未落实", "需新增 800kVA", ProblemCategory.UTILITIES,
                false), team.owner(), null);
        problems.assign(id, Set.of("POWER"), time.today().plusDays(1), "供电公司限期答复", null, supervisor);
        clock.advance(Duration.ofDays(3));
        assertThat(problems.flagOverdue()).isPositive();
        assertThat(problems.flagOverdue()).isZero();

        LocalDate day = time.today();
        MorningSheet sheet = sheets.generate(day, "supervisor");

        assertThat(sheet.problems()).extracting(MorningSheet.Line::title).contains("电力增容未落实");
        assertThat(sheet.absent()).extracting(MorningSheet.Line::detail).contains("农产品加工园");
        String html = page(get("/morning/" + day), supervisor);
        assertThat(html).contains("电力增容未落实", "超期 2 天", "农产品加工园", "广陈镇 陆晓梅");
        mvc.perform(get("/morning").with(user(team.owner()))).andExpect(status().isForbidden());
        assertThat(page(get("/problems"), supervisor)).contains("电力增容未落实", "超期 2 天");
    }

    @Test
    void aChannelMessageBecomesAProblemInOneStepAndMentionsNotify() throws Exception {
        Team team = team("稻渔综合种养基地", time.today());
        mvc.perform(multipart("/projects/" + team.projectId() + "/channel").param("body", "@陆晓梅 土方外运受阻，需要协调")
                .with(csrf()).with(user(team.owner()))).andExpect(status().isFound());
        String channel = page(get("/projects/" + team.projectId() + "/channel"), team.official());
        assertThat(channel).contains("土方外运受阻", "有 1 条消息提到了你");
        assertThat(page(get("/projects/" + team.projectId() + "/channel"), team.official())).doesNotContain("提到了你");
        long messageId = Long.parseLong(channel.replaceAll("(?s).*data-message=\"(\\d+)\".*", "$1"));

        mvc.perform(post("/projects/" + team.projectId() + "/channel/" + messageId + "/problem")
                .param("category", "CONSTRUCTION").with(csrf()).with(user(team.owner()))).andExpect(status().isFound());
        List<Problem> raised = problems.ofProject(team.projectId());
        assertThat(raised).singleElement().satisfies(p -> {
            assertThat(p.sourceMessageId()).isEqualTo(messageId);
            assertThat(p.title()).isEqualTo("@陆晓梅 土方外运受阻，需要协调");
        });
        mvc.perform(get("/projects/" + team.projectId() + "/channel").with(user(ProjectFixtures.member("外人"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMeetingsDecisionsBecomeAssignedProblems() throws Exception {
        Team team = team("现场推进会项目", time.today());
        mvc.perform(post("/meetings").param("kind", "ONSITE").param("projectId", Long.toString(team.projectId()))
                        .param("heldOn", time.today().toString()).param("title", "二期用电协调")
                        .param("attendees", "徐卫东、朱振华、供电公司").param("minutes", "现场查看线路走向")
                        .param("decisions", "供电公司三日内出线路方案\n住建局协助道路开挖许可\n ")
                        .param("department", "POWER").param("deadline", time.today().plusDays(3).toString())
                        .with(csrf()).with(user(supervisor)))
                .andExpect(status().isFound());
        assertThat(problems.ofProject(team.projectId())).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.status()).isEqualTo(ProblemStatus.ASSIGNED);
                    assertThat(p.departments()).containsExactly("POWER");
                });
        assertThat(page(get("/meetings"), supervisor)).contains("二期用电协调", "供电公司三日内出线路方案", "已交办");
        mvc.perform(get("/meetings").with(user(team.owner()))).andExpect(status().isForbidden());
        mvc.perform(post("/meetings").param("kind", "WEEKLY").param("projectId", Long.toString(team.projectId()))
                .param("heldOn", time.today().plusDays(1).toString()).param("title", "x").param("attendees", "x")
                .param("minutes", "x").with(csrf()).with(user(supervisor))).andExpect(status().isBadRequest());
    }

    @Autowired org.jiaxing.project.domain.DailyJobs daily;
    @Autowired org.jiaxing.account.StaffAccounts accounts;

    @Test
    void theOfficeRegistersAProjectAndAddsMembersByLoginName() throws Exception {
        long officialId = accounts.create(org.jiaxing.account.NewStaffAccount.of("form-official", "广陈镇 朱振华",
                "form-password-1", org.jiaxing.account.Role.PROJECT_MEMBER));
        accounts.create(org.jiaxing.account.NewStaffAccount.of("form-handler", "经办人 李明", "form-password-2",
                org.jiaxing.account.Role.PROJECT_MEMBER));
        String location = mvc.perform(post("/projects").param("code", "nk-777").param("name", "智慧农业示范园")
                        .param("ownerCompany", "平湖智农科技有限公司").param("official", "form-official")
                        .param("town", "guangchen").param("zoneName", "农开区").param("type", "AGRICULTURAL")
                        .param("investmentWan", "8800").param("plannedStart", time.today().toString())
                        .param("plannedFinish", time.today().plusDays(365).toString()).param("location", "广陈镇港中路 8 号")
                        .with(csrf()).with(user(supervisor)))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var project = projects.find(id).orElseThrow();
        assertThat(project.code()).isEqualTo("NK-777");
        assertThat(project.officialId()).isEqualTo(officialId);
        assertThat(project.siteVenueId()).isNotNull();
        assertThat(projects.stages(id)).hasSize(9);

        mvc.perform(post("/projects/" + id + "/members").param("username", "form-handler").param("role", "HANDLER")
                .with(csrf()).with(user(supervisor))).andExpect(status().isFound());
        assertThat(projects.members(id)).extracting(m -> m.role()).contains(MemberRole.OFFICIAL, MemberRole.HANDLER);

        String refused = mvc.perform(post("/projects").param("code", "NK-778").param("name", "x").param("ownerCompany", "x")
                        .param("official", "nobody").param("town", "guangchen").param("type", "AGRICULTURAL")
                        .param("investmentWan", "1").param("plannedStart", time.today().toString())
                        .param("plannedFinish", time.today().plusDays(10).toString()).param("location", "x")
                        .with(csrf()).with(user(supervisor)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("没有项目成员账号 nobody");
        StaffUser member = ProjectFixtures.member("成员");
        mvc.perform(get("/projects/new").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post("/projects/" + id + "/members").param("username", "form-handler").param("role", "LEADER")
                .with(csrf()).with(user(member))).andExpect(status().isNotFound());
        assertThat(page(get("/projects/new"), supervisor)).contains("登记重点项目");
    }

    @Test
    void theMorningSheetIsGeneratedOnWorkingDaysAtTheConfiguredTimeOnce() {
        team("晨会定时项目", time.today());
        // Saturday 2026-03-28, then Monday 2026-03-30 before and after 07:30 in Pinghu (UTC+8)
        clock.set(java.time.Instant.parse("2026-03-27T23:40:00Z"));
        assertThat(daily.run()).isFalse();
        assertThat(sheets.exists(time.today())).isFalse();
        clock.set(java.time.Instant.parse("2026-03-29T23:29:00Z"));
        assertThat(daily.run()).isFalse();
        clock.set(java.time.Instant.parse("2026-03-29T23:30:00Z"));
        assertThat(daily.run()).isTrue();
        assertThat(sheets.exists(LocalDate.of(2026, 3, 30))).isTrue();
        assertThat(daily.run()).isFalse();
        assertThat(sheets.find(LocalDate.of(2026, 3, 30)).orElseThrow().generatedBy()).isEqualTo("system");
    }

    @Test
    void theRankingPageAndItsChartDataRender() throws Exception {
        team("排名项目", time.today());
        assertThat(page(get("/projects/ranking"), supervisor)).contains("镇街比拼", "广陈镇", "colour-chart");
        assertThat(page(get("/projects/ranking/colours.json"), supervisor)).contains("\"series\"", "绿码");
        assertThat(page(get("/projects/ranking?lang=en"), supervisor)).contains("Progress comparison");
    }

    private String page(MockHttpServletRequestBuilder request, StaffUser as) throws Exception {
        return mvc.perform(request.with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
