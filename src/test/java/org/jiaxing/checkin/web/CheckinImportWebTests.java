package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.checkin.RegisterFiles.HEADER;
import static org.jiaxing.checkin.RegisterFiles.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.RegisterFiles;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.venue.TestVenues;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The import page and API: who may use them, the JSON report, the rendered report. */
@SpringBootTest
@AutoConfigureMockMvc
class CheckinImportWebTests {

    private static final String API = "/api/v1/checkins/import";
    private static final String PAGE = "/checkins/import";

    @Autowired MockMvc mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired Persons persons;
    @Autowired CheckinQueries checkins;
    @Autowired Clock clock;

    Venue market;
    String phone;
    Instant yesterday;

    @BeforeEach
    void aVenueAndARegisteredVisitor() {
        String code = TestVenues.uniquePrefix() + "-M";
        registry.upsertAll(List.of(TestVenues.aVenue(code).draft()));
        market = venues.findByCode(code).orElseThrow();
        phone = TestPersons.phone();
        persons.registerOrUpdate(PersonDetails.of("张三", phone, TestPersons.idNumber()));
        yesterday = clock.instant().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void cityAndTownAdministratorsAndTracersMayImportOthersMayNot() throws Exception {
        for (StaffUser allowed : List.of(TestVenues.cityAdmin(), TestVenues.townAdmin("danghu"), TestVenues.tracer())) {
            String html = mvc.perform(get(PAGE).with(user(allowed))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(allowed.role().name()).contains("导入纸质登记簿", "enctype=\"multipart/form-data\"",
                    "href=\"/checkins/import\"", "最多 50000 行、8 MB");
        }
        byte[] file = RegisterFiles.utf8(HEADER, row(market.code(), phone, "张三", yesterday, null));
        for (StaffUser refused : List.of(TestVenues.venueStaff(market.id()), TestVenues.supervisor())) {
            mvc.perform(get(PAGE).with(user(refused))).andExpect(status().isForbidden());
            mvc.perform(upload(PAGE, file).with(user(refused))).andExpect(status().isForbidden());
            mvc.perform(upload(API, file).with(user(refused))).andExpect(status().isForbidden());
            // nor do they see the link
            assertThat(mvc.perform(get("/").with(user(refused))).andReturn().getResponse().getContentAsString())
                    .doesNotContain("/checkins/import");
        }
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
        mvc.perform(upload(API, file)).andExpect(status().isUnauthorized());
        // a session's upload without the CSRF token is refused too
        mvc.perform(multipart(API).file(new MockMultipartFile("file", "r.csv", "text/csv", file))
                .with(user(TestVenues.cityAdmin()))).andExpect(status().isForbidden());
        assertThat(checkins.atVenue(market.id(), yesterday.minusSeconds(1), clock.instant())).isEmpty();
    }

    @Test
    void theApiAnswersWithTheCountsWhenEveryRowIsRecorded() throws Exception {
        byte[] file = RegisterFiles.utf8(HEADER, row(market.code(), phone, "张三", yesterday,
                yesterday.plus(Duration.ofHours(1))));

        mvc.perform(upload(API, file).with(user(TestVenues.tracer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1)).andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.duplicates").value(0)).andExpect(jsonPath("$.errors.length()").value(0));

        assertThat(checkins.atVenue(market.id(), yesterday, clock.instant())).singleElement()
                .satisfies(checkin -> assertThat(checkin.checkedOutAt()).isEqualTo(yesterday.plus(Duration.ofHours(1))));
    }

    @Test
    void theApiAnswers400WithEveryBadLineAndWritesNothing() throws Exception {
        byte[] file = RegisterFiles.utf8(HEADER,
                row(market.code(), phone, "张三", yesterday, null),
                market.code() + "," + phone + ",张三,2026-03-01 10:02,",
                row(market.code(), TestPersons.phone(), "", yesterday, null));

        mvc.perform(upload(API, file).with(user(TestVenues.cityAdmin()))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("checkin.import.report.notApplied"))
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "checked_in_at 的时间“2026-03-01 10:02”缺少时区，应写成例如 2026-11-20T10:02:00+08:00"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].message").value("此手机号码未登记，请先登记此人（需身份证号码）"));
        mvc.perform(upload(API + "?lang=en", file).with(user(TestVenues.cityAdmin())))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "Unknown mobile number; register the person first (registration needs the ID number)"));

        assertThat(checkins.atVenue(market.id(), yesterday.minusSeconds(1), clock.instant())).isEmpty();
    }

    @Test
    void theApiExplainsFilesItCannotRead() throws Exception {
        mvc.perform(multipart(API).with(user(TestVenues.cityAdmin())).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("checkin.import.error.empty"));
        mvc.perform(upload(API, RegisterFiles.utf8("venue_code,name", "x,y")).with(user(TestVenues.cityAdmin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("checkin.import.error.missingColumns"))
                .andExpect(jsonPath("$.detail").value("表头缺少列：phone, checked_in_at"));
    }

    @Test
    void thePageShowsTheReportLineByLine() throws Exception {
        byte[] bad = RegisterFiles.utf8(HEADER, row("NO-SUCH", phone, "张三", yesterday, null));
        String report = mvc.perform(upload(PAGE, bad).with(user(TestVenues.cityAdmin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("未导入任何数据", "<td>2</td>", "场所编码 NO-SUCH 不存在",
                "class=\"count-rejected\">1<");

        byte[] good = RegisterFiles.utf8(HEADER, row(market.code(), phone, "张三", yesterday, null));
        String done = mvc.perform(upload(PAGE, good).with(user(TestVenues.cityAdmin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(done).contains("导入完成", "class=\"count-imported\">1<");
        assertThat(mvc.perform(upload(PAGE, new byte[0]).with(user(TestVenues.cityAdmin()))).andReturn().getResponse()
                .getContentAsString()).contains("文件是空的");
    }

    private static MockMultipartHttpServletRequestBuilder upload(String uri, byte[] content) {
        return (MockMultipartHttpServletRequestBuilder) multipart(uri)
                .file(new MockMultipartFile("file", "register.csv", "text/csv", content)).with(csrf());
    }
}
