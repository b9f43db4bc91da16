package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.ProjectFixtures;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.domain.NewProject;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.jiaxing.shared.JiaxingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriUtils;

/**
 * Files from outside: uploads are judged by their bytes, not by their name or declared type (HTML, SVG,
 * executables, archives and text dressed as photos or PDFs are refused and nothing is stored); upload
 * names with path parts are cut to their last segment and the file lands inside the upload directory;
 * download keys and job ids with traversal sequences find nothing; case files that are not CSV are refused.
 */
@SpringBootTest(properties = "jiaxing.checkin.visitor.rate-limit-enabled=false")
@AutoConfigureMockMvc
class HostileFilesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    /** A file's name, the type its sender claims and its real content, none of them an accepted medium. */
    record Disguised(String name, String declared, byte[] content) {
    }

    static final List<Disguised> DISGUISED = List.of(
            new Disguised("photo.png", "image/png", bytes("<html><script>alert(1)</script></html>")),
            new Disguised("photo.jpg", "image/jpeg", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")),
            new Disguised("logo.svg", "image/svg+xml", bytes("<?xml version=\"1.0\"?><svg><script>alert(1)</script></svg>")),
            new Disguised("report.pdf", "application/pdf", bytes("<!DOCTYPE html><p>not a pdf</p>")),
            new Disguised("setup.exe.jpg", "image/jpeg", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}),
            new Disguised("photos.png", "image/png", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}),
            new Disguised("clip.mp4", "video/mp4", bytes("#!/bin/sh\nrm -rf /\n")),
            new Disguised("page.html", "text/html", bytes("<html><body>hi</body></html>")),
            new Disguised("jpeg-prefix.png", "image/png", new byte[] {(byte) 0xFF, (byte) 0xD8}));

    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired ProjectTime time;
    @Autowired JdbcClient jdbc;
    @Autowired JiaxingProperties platform;

    @Test
    void uploadsOfTheWrongContentAreRefusedWhateverTheirNameAndNothingIsStored() throws Exception {
        StaffUser official = ProjectFixtures.member("上传 测试");
        long project = project(official);
        long attachments = count("project_attachment");
        long reports = count("project_report");
        long messages = count("project_message");
        for (Disguised file : DISGUISED) {
            for (String path : List.of("/projects/" + project + "/reports", "/projects/" + project + "/channel")) {
                MvcResult result = mvc.perform(multipart(path)
                        .file(new MockMultipartFile("files", file.name(), file.declared(), file.content()))
                        .param("body", "现场照片").with(csrf()).with(user(official))).andReturn();
                assertThat(result.getResponse().getStatus()).as("%s %s", path, file.name()).isEqualTo(400);
                assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .as("%s %s", path, file.name()).doesNotContain("Exception", "at org.");
            }
        }
        assertThat(count("project_attachment")).isEqualTo(attachments);
        assertThat(count("project_report")).as("a refused upload leaves no half-written report").isEqualTo(reports);
        assertThat(count("project_message")).isEqualTo(messages);
    }

    @Test
    void uploadNamesWithPathPartsAreCutToTheirLastSegmentAndStayInsideTheUploadDirectory() throws Exception {
        StaffUser official = ProjectFixtures.member("上传 测试");
        long project = project(official);
        Path root = platform.dataDir().resolve("uploads").resolve("projects").toAbsolutePath().normalize();
        for (String name : Hostile.TRAVERSAL) {
            MvcResult result = mvc.perform(multipart("/projects/" + project + "/reports")
                    .file(new MockMultipartFile("files", name, "application/octet-stream", PNG))
                    .param("body", "现场照片").with(csrf()).with(user(official))).andReturn();
            assertThat(result.getResponse().getStatus()).as(name).isEqualTo(302);
            var stored = jdbc.sql("""
                    SELECT storage_key, file_name FROM project_attachment WHERE project_id = :p ORDER BY id DESC
                    LIMIT 1""").param("p", project).query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                    .single();
            String key = stored.get(0);
            String fileName = stored.get(1);
            assertThat(key).as(name).matches("[0-9a-f]{32}\\.png");
            assertThat(fileName).as(name).doesNotContain("/", "\\", "\u0000").isNotBlank();
            assertThat(name.replace('\\', '/').replaceAll("\\p{Cntrl}", "")).as(name).endsWith(fileName);
            Path file = root.resolve(key.substring(0, 2)).resolve(key).normalize();
            assertThat(file).as(name).startsWith(root);
            assertThat(Files.readAllBytes(file)).isEqualTo(PNG);
            MvcResult download = mvc.perform(get("/projects/files/" + key).with(user(official))).andReturn();
            assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
            assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            // the name goes into the header quoted and encoded, never as raw path or header syntax
            assertThat(download.getResponse().getHeader("Content-Disposition")).as(name).doesNotContain("../", "\r",
                    "\n");
        }
    }

    @Test
    void downloadKeysAndJobIdsWithTraversalFindNothing() throws Exception {
        StaffUser supervisor = ProjectFixtures.user("督考办", Role.SUPERVISOR, null);
        StaffUser city = new StaffUser(940_001, "files-city", "市级", Role.CITY_ADMIN, null, Set.of(), true, null);
        for (String hostile : Hostile.TRAVERSAL) {
            for (String key : List.of(hostile, hostile + ".png", "00/" + hostile, "../" + "0".repeat(32) + ".png")) {
                String encoded = UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
                for (String path : List.of("/projects/files/" + encoded, "/posters/jobs/" + encoded + "/download")) {
                    MvcResult result = mvc.perform(get(java.net.URI.create(path)).with(user(
                            path.startsWith("/posters") ? city : supervisor))).andReturn();
                    assertThat(result.getResponse().getStatus()).as(path).isBetween(400, 404);
                    String body = result.getResponse().getContentAsString(StandardCharsets.ISO_8859_1);
                    assertThat(body).as(path).doesNotContain("root:x:", "[fonts]", "SQLite format");
                }
            }
        }
    }

    @Test
    void caseFilesThatAreNotCsvAreRefused() throws Exception {
        StaffUser tracer = new StaffUser(940_002, "files-tracer", "流调", Role.TRACER, null, Set.of(), true, null);
        long investigations = count("investigation");
        for (Disguised file : DISGUISED) {
            MvcResult result = mvc.perform(multipart("/api/v1/tracing/investigations/csv")
                    .file(new MockMultipartFile("file", file.name(), file.declared(), file.content()))
                    .param("reason", "聚集").with(csrf()).with(user(tracer))).andReturn();
            assertThat(result.getResponse().getStatus()).as(file.name()).isEqualTo(400);
            MvcResult page = mvc.perform(multipart("/tracing/investigations")
                    .file(new MockMultipartFile("file", file.name(), file.declared(), file.content()))
                    .param("reason", "聚集").with(csrf()).with(user(tracer))).andReturn();
            assertThat(page.getResponse().getStatus()).as(file.name()).isEqualTo(400);
        }
        assertThat(count("investigation")).isEqualTo(investigations);
    }

    private long project(StaffUser official) {
        String code = "HF" + Math.floorMod(System.nanoTime(), 100_000_000);
        return projects.create(new NewProject(code, "上传测试项目", "平湖农业发展有限公司", official.id(),
                official.displayName(), "guangchen", null, ProjectType.AGRICULTURAL, 100, time.today(),
                time.today().plusDays(90), "广陈镇"), "test");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
