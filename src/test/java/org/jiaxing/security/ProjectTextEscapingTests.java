package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProjectFixtures;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.domain.Departments;
import org.jiaxing.project.domain.MorningSheets;
import org.jiaxing.project.domain.NewProject;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Key-project supervision with hostile text in every free-text field (project name, owner company,
 * official and member names, work-channel messages with @mentions, daily reports and plans, problem
 * titles, descriptions, instructions and notes, meeting titles, attendees, minutes and decisions): every
 * page that shows the text shows it escaped and never raw, the progress workbook keeps it as inert string
 * cells, and SQL injection in the table and problem filters is plain text.
 */
@SpringBootTest(properties = "jiaxing.checkin.visitor.rate-limit-enabled=false")
@AutoConfigureMockMvc
class ProjectTextEscapingTests {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired Departments departments;
    @Autowired MorningSheets sheets;
    @Autowired ProjectTime time;
    @Autowired JdbcClient jdbc;

    /** One project whose every text field carries the payload behind a tag naming the field. */
    record Seeded(String payload, long projectId, long problemId, StaffUser official, StaffUser owner,
            StaffUser supervisor, LocalDate sheetDay) {

        String v(String field) {
            return field + ":" + payload;
        }

        List<String> all(String... fields) {
            return java.util.Arrays.stream(fields).map(this::v).toList();
        }
    }

    @Test
    void hostileTextIsEscapedOnEveryProjectPage() throws Exception {
        int pages = 0;
        for (String payload : Escaped.XSS) {
            Seeded h = seed(payload);
            Map<String, Page> expected = new LinkedHashMap<>();
            expected.put("/projects/" + h.projectId(), new Page(h.supervisor(),
                    h.all("name", "company", "official", "location", "report", "plan", "problem", "owner")));
            expected.put("/projects/" + h.projectId() + "/channel", new Page(h.official(),
                    with(h.all("name", "message", "owner", "official"), "有 1 条消息提到了你")));
            expected.put("/projects?q=" + code(h), new Page(h.supervisor(), h.all("name", "company", "official")));
            expected.put("/projects/ranking", new Page(h.supervisor(), h.all("name")));
            expected.put("/problems", new Page(h.supervisor(), h.all("problem", "name")));
            expected.put("/problems/" + h.problemId(), new Page(h.supervisor(),
                    h.all("problem", "description", "instruction", "note", "name", "owner", "supervisor")));
            expected.put("/meetings", new Page(h.supervisor(),
                    h.all("meeting", "attendees", "minutes", "decision", "name", "supervisor")));
            expected.put("/morning/" + h.sheetDay(), new Page(h.supervisor(),
                    h.all("name", "report", "plan", "problem", "official")));
            for (Map.Entry<String, Page> page : expected.entrySet()) {
                MvcResult result = mvc.perform(get(page.getKey()).with(user(page.getValue().viewer()))).andReturn();
                assertThat(result.getResponse().getStatus()).as(page.getKey()).isEqualTo(200);
                Escaped.assertShown(page.getKey() + " [" + payload + "]", body(result), page.getValue().fields());
                pages++;
            }
            // the htmx partial of the table is built by the same template fragment
            String partial = body(mvc.perform(get("/projects").param("q", code(h)).header("HX-Request", "true")
                    .with(user(h.supervisor()))).andReturn());
            assertThat(partial).doesNotContain("<html");
            Escaped.assertShown("table partial [" + payload + "]", partial, h.all("name", "company", "official"));
        }
        assertThat(pages).isEqualTo(Escaped.XSS.size() * 8);
    }

    @Test
    void theProgressWorkbookCarriesMarkupAndFormulasAsInertStrings() throws Exception {
        List<String> payloads = new ArrayList<>(Hostile.FORMULA);
        payloads.add(Escaped.XSS.getFirst());
        StaffUser supervisor = ProjectFixtures.supervisor();
        Set<String> wanted = new java.util.HashSet<>();
        String prefix = "XLS" + CODES.incrementAndGet() + "-";
        int i = 0;
        for (String payload : payloads) {
            StaffUser official = ProjectFixtures.member(payload);
            projects.create(new NewProject(prefix + i++, payload, payload, official.id(), payload, "guangchen", null,
                    ProjectType.AGRICULTURAL, 100, time.today(), time.today().plusDays(90), payload), "test");
            wanted.add(payload);
        }
        byte[] xlsx = mvc.perform(get("/projects/export.xlsx").param("q", prefix).with(user(supervisor))).andReturn()
                .getResponse().getContentAsByteArray();
        Set<String> seen = new java.util.HashSet<>();
        int rows = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("row %d cell %d", row.getRowNum(), cell.getColumnIndex())
                            .isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && wanted.contains(cell.getStringCellValue())) {
                        seen.add(cell.getStringCellValue());
                        char first = cell.getStringCellValue().charAt(0);
                        if ("=+-@\t\r".indexOf(first) >= 0) {
                            assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
                        }
                    }
                }
                rows++;
            }
        }
        assertThat(rows).isEqualTo(payloads.size() + 1);
        assertThat(seen).isEqualTo(wanted);
    }

    @Test
    void sqlInjectionInTheProjectAndProblemFiltersIsPlainText() throws Exception {
        StaffUser supervisor = ProjectFixtures.supervisor();
        long projectsBefore = count("project");
        long problemsBefore = count("project_problem");
        int requests = 0;
        for (String attack : Hostile.SQL) {
            for (String field : List.of("q", "town", "colour", "type", "sort")) {
                for (String path : List.of("/projects", "/projects/export.xlsx")) {
                    MvcResult result = mvc.perform(get(path).param(field, attack).with(user(supervisor))).andReturn();
                    int status = result.getResponse().getStatus();
                    assertThat(status).as("%s?%s=%s", path, field, attack).isIn(200, 400);
                    if (path.equals("/projects") && field.equals("q")) {
                        // the search box gives the text back, escaped inside its value attribute
                        assertThat(status).isEqualTo(200);
                        assertThat(body(result)).as(attack).contains("value=\"" + Escaped.html(attack) + "\"");
                    }
                    requests++;
                }
            }
            for (String path : List.of("/problems", "/projects/ranking", "/meetings")) {
                MvcResult result = mvc.perform(get(path).param("q", attack).param("status", attack)
                        .with(user(supervisor))).andReturn();
                assertThat(result.getResponse().getStatus()).as("%s %s", path, attack).isIn(200, 400);
                requests++;
            }
            assertThat(mvc.perform(get("/morning/{day}", attack).with(user(supervisor))).andReturn().getResponse()
                    .getStatus()).as(attack).isBetween(400, 404);
        }
        // a search for text no project holds finds nothing rather than everything
        String none = body(mvc.perform(get("/projects").param("q", "' OR '1'='1").with(user(supervisor)))
                .andReturn());
        assertThat(none).doesNotContain("data-colour=\"GREEN\"", "data-colour=\"RED\"", "data-colour=\"BLUE\"");
        assertThat(requests).isEqualTo(Hostile.SQL.size() * 13);
        assertThat(count("project")).isEqualTo(projectsBefore);
        assertThat(count("project_problem")).isEqualTo(problemsBefore);
        assertThat(count("app_user")).isPositive();
    }

    @Test
    void aSearchTextStaysOneValueInTheSortAndExportLinks() throws Exception {
        StaffUser supervisor = ProjectFixtures.supervisor();
        List<String> searches = new ArrayList<>(Escaped.XSS);
        searches.addAll(List.of("a&colour=RED", "x#frag", "100%+x y", "{q}"));
        for (String q : searches) {
            // a project that the search finds, so that the table and its sort headers are drawn
            StaffUser official = ProjectFixtures.member("链接 测试");
            projects.create(new NewProject("LK" + CODES.incrementAndGet(), "links " + q, "平湖农业发展有限公司",
                    official.id(), official.displayName(), "guangchen", null, ProjectType.AGRICULTURAL, 100,
                    time.today(), time.today().plusDays(90), "广陈镇"), "test");
            String html = body(mvc.perform(get("/projects").param("q", q).with(user(supervisor))).andReturn());
            java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/projects(?:/export\\.xlsx)?\\?[^\"]*)\"")
                    .matcher(html);
            int found = 0;
            while (links.find()) {
                String href = links.group(1).replace("&amp;", "&");
                var params = org.springframework.web.util.UriComponentsBuilder.fromUriString(href).build(true)
                        .getQueryParams();
                assertThat(params.get("q")).as("%s in %s", q, href).hasSize(1);
                assertThat(org.springframework.web.util.UriUtils.decode(params.getFirst("q"), StandardCharsets.UTF_8))
                        .as(href).isEqualTo(q);
                assertThat(params).as(href).doesNotContainKey("colour");
                found++;
            }
            // nine sort headers and the export link
            assertThat(found).as(q).isGreaterThanOrEqualTo(10);
        }
    }

    record Page(StaffUser viewer, List<String> fields) {
    }

    private static List<String> with(List<String> fields, String more) {
        List<String> all = new ArrayList<>(fields);
        all.add(more);
        return all;
    }

    private Seeded seed(String payload) throws Exception {
        String tag = "HX" + CODES.incrementAndGet();
        StaffUser official = ProjectFixtures.member("official:" + payload);
        StaffUser owner = ProjectFixtures.member("owner:" + payload);
        StaffUser supervisor = ProjectFixtures.user("supervisor:" + payload, Role.SUPERVISOR, null);
        StaffUser power = ProjectFixtures.department("供电");
        departments.addUser("POWER", power.id());
        LocalDate today = time.today();
        long id = projects.create(new NewProject(tag, "name:" + payload, "company:" + payload, official.id(),
                official.displayName(), "guangchen", null, ProjectType.AGRICULTURAL, 100, today, today.plusDays(90),
                "location:" + payload), "test");
        projects.addMember(id, owner.id(), owner.displayName(), MemberRole.OWNER_REP, "test");

        // an @mention of a member whose name is itself hostile: it notifies, and renders as text
        ok(multipart("/projects/" + id + "/channel").param("body", "@" + official.displayName() + " message:" + payload),
                owner);
        ok(multipart("/projects/" + id + "/reports").param("body", "report:" + payload).param("plan", "plan:" + payload)
                .param("stage", "SIGNING").param("percent", "10"), official);
        LocalDate sheetDay = today.plusDays(1);
        while (!ProjectTime.isWorkingDay(sheetDay)) {
            sheetDay = sheetDay.plusDays(1);
        }
        String created = ok(post("/projects/" + id + "/problems").param("title", "problem:" + payload)
                .param("description", "description:" + payload).param("category", "UTILITIES"), owner)
                .getResponse().getRedirectedUrl();
        long problem = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        ok(post("/problems/" + problem + "/assign").param("department", "POWER")
                .param("deadline", sheetDay.toString()).param("instruction", "instruction:" + payload), supervisor);
        ok(post("/problems/" + problem + "/note").param("note", "note:" + payload), supervisor);
        ok(post("/meetings").param("kind", "ONSITE").param("projectId", Long.toString(id))
                .param("heldOn", today.toString()).param("title", "meeting:" + payload)
                .param("attendees", "attendees:" + payload).param("minutes", "minutes:" + payload)
                .param("decisions", "decision:" + payload), supervisor);
        sheets.generate(sheetDay, "test");
        return new Seeded(payload, id, problem, official, owner, supervisor, sheetDay);
    }

    private MvcResult ok(AbstractMockHttpServletRequestBuilder<?> request, StaffUser as) throws Exception {
        request.with(csrf()).with(user(as));
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s %s", result.getRequest().getRequestURI(),
                body(result)).isEqualTo(302);
        return result;
    }

    private String code(Seeded h) {
        return projects.find(h.projectId()).orElseThrow().code();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
