package org.jiaxing.venue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.ImportFiles.HEADER;
import static org.jiaxing.venue.ImportFiles.csv;
import static org.jiaxing.venue.ImportFiles.row;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.supervisor;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;
import static org.jiaxing.venue.TestVenues.venueStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Upload and download through the page and the API. */
@SpringBootTest
@AutoConfigureMockMvc
class VenueImportExportWebTests {

    @Autowired MockMvc mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory directory;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void theImportPageIsForAdminsOnly() throws Exception {
        assertThat(mvc.perform(get("/venues/import").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("enctype=\"multipart/form-data\"", "name=\"mode\"",
                "value=\"valid-only\"", "只导入有效的行");
        mvc.perform(get("/venues/import").with(user(venueStaff(1L)))).andExpect(status().isForbidden());
        mvc.perform(upload("/venues/import", csv(HEADER, row(p + "-1"))).with(user(venueStaff(1L))))
                .andExpect(status().isForbidden());
        assertThat(directory.findByCode(p + "-1")).isEmpty();
    }

    @Test
    void thePageReportsBadRowsAndImportsNothingByDefault() throws Exception {
        byte[] file = csv(HEADER, row(p + "-1"), p + "-2,,商超,当湖街道,地址,,,,", row(p + "-3"));

        String html = page(upload("/venues/import", file));

        assertThat(html).contains("未导入任何数据", "请填写场所名称", "<td>3</td>", "<td>name</td>");
        assertThat(directory.findByCode(p + "-1")).isEmpty();

        String validOnly = page(upload("/venues/import", file).param("mode", "valid-only"));
        assertThat(validOnly).contains("导入完成", "class=\"count-created\">2<", "class=\"count-rejected\">1<");
        assertThat(directory.findByCode(p + "-1")).isPresent();
    }

    @Test
    void thePageExplainsAFileItCannotRead() throws Exception {
        assertThat(page(upload("/venues/import", new byte[0]))).contains("文件是空的");
        assertThat(page(upload("/venues/import", csv("code,name", row(p + "-1")))))
                .contains("表头缺少列：category, town, address");
        assertThat(page(upload("/venues/import", csv(HEADER)))).contains("文件只有表头，没有场所数据");
    }

    @Test
    void theApiRejectsABadFileWithEveryRowError() throws Exception {
        byte[] file = csv(HEADER, row(p + "-1"), p + "-2,店,商超,当湖街道,地址,200,30,,", row(p + "-1"));

        mvc.perform(upload("/api/v1/venues/import", file)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.applied").value(false)).andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[1].line").value(3))
                .andExpect(jsonPath("$.errors[1].column").value("longitude"))
                .andExpect(jsonPath("$.errors[1].message").value("经度须在 73 到 136 之间"));
        mvc.perform(upload("/api/v1/venues/import", file).param("mode", "valid-only")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("venue.import.report.noValidRows"))
                .andExpect(jsonPath("$.applied").value(false)).andExpect(jsonPath("$.created").value(0));
        mvc.perform(upload("/api/v1/venues/import", csv(HEADER, row(p + "-1"), row(p + "-2")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.errors.length()").value(0));
        mvc.perform(upload("/api/v1/venues/import", csv(HEADER, row(p + "-1")))).andExpect(jsonPath("$.updated").value(1));
        mvc.perform(upload("/api/v1/venues/import", csv(HEADER)).param("mode", "sometimes"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("venue.error.importMode"));
    }

    @Test
    void theApiExplainsUnreadableFiles() throws Exception {
        byte[] notXlsx = {0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9};
        mvc.perform(multipart("/api/v1/venues/import").file(new MockMultipartFile("file", "v.xlsx", null, notXlsx))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("venue.import.error.corrupt"))
                .andExpect(jsonPath("$.detail").value("无法读取此 XLSX 文件，文件可能已损坏"));
        mvc.perform(multipart("/api/v1/venues/import").file(new MockMultipartFile("file", "a.pdf", null,
                        "%PDF".getBytes(StandardCharsets.US_ASCII))).with(user(admin)).with(csrf()))
                .andExpect(jsonPath("$.code").value("venue.import.error.unsupported"));
        mvc.perform(multipart("/api/v1/venues/import").with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("venue.import.error.empty"));
        mvc.perform(multipart("/api/v1/venues/import").file(new MockMultipartFile("file", "v.csv", null, csv(HEADER)))
                .with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(upload("/api/v1/venues/import", csv(HEADER, row(p + "-1"))).with(user(supervisor())))
                .andExpect(status().isForbidden());
    }

    @Test
    void exportsTheScopedFilteredListAsExcelFriendlyCsv() throws Exception {
        registry.register(aVenue(p + "-1").name("=HYPERLINK(\"http://evil\")").draft(), admin);
        registry.register(aVenue(p + "-2").town("guangchen").contact("李", "+86-573-2").draft(), admin);

        var response = mvc.perform(get("/venues/export.csv").param("q", p).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] bytes = response.getContentAsByteArray();
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"venues-");
        assertThat(text.lines()).hasSize(3);
        assertThat(text).contains(p + "-1,\"'=HYPERLINK(\"\"http://evil\"\")\",商超,当湖街道,", ",李,'+86-573-2,");
        String townOnly = mvc.perform(get("/venues/export.csv").param("q", p).with(user(townAdmin("guangchen"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(townOnly).contains(p + "-2").doesNotContain(p + "-1");
        mvc.perform(get("/api/v1/venues/export").param("format", "pdf").with(user(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("venue.error.exportFormat"));
        mvc.perform(get("/venues/export.csv").with(user(supervisor()))).andExpect(status().isForbidden());
    }

    private MockMultipartHttpServletRequestBuilder upload(String url, byte[] content) {
        MockMultipartHttpServletRequestBuilder request = multipart(url)
                .file(new MockMultipartFile("file", "venues.csv", "text/csv", content));
        request.with(user(admin)).with(csrf());
        return request;
    }

    private String page(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
