package org.jiaxing.health.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /health/persons: who may open it, the audited search, the person page and the status form. */
@SpringBootTest
@AutoConfigureMockMvc
class HealthPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Persons persons;
    @Autowired HealthStatuses statuses;
    @Autowired AuditLog audit;

    private final StaffUser tracer = Officials.tracer();

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/health/persons").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/health/persons/1").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void onlyCityAdministratorsAndTracersGetIn() throws Exception {
        long id = persons.registerOrUpdate(TestPersons.details("权限测试")).id();
        for (StaffUser allowed : List.of(Officials.cityAdmin(), Officials.tracer())) {
            mvc.perform(get("/health/persons").with(user(allowed))).andExpect(status().isOk());
            mvc.perform(get("/health/persons/" + id).with(user(allowed))).andExpect(status().isOk());
        }
        for (StaffUser refused : List.of(Officials.townAdmin(), Officials.venueStaff(), Officials.supervisor())) {
            mvc.perform(get("/health/persons").with(user(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/health/persons/" + id).with(user(refused))).andExpect(status().isForbidden());
            mvc.perform(post("/health/persons/search").param("q", TestPersons.idNumber()).with(csrf())
                    .with(user(refused))).andExpect(status().isForbidden());
            mvc.perform(post("/health/persons/" + id + "/status").param("colour", "RED").param("reason", "x")
                    .with(csrf()).with(user(refused))).andExpect(status().isForbidden());
        }
        assertThat(statuses.current(id).colour()).isEqualTo(HealthColour.GREEN);
    }

    @Test
    void theNavigationLinkIsShownToThoseWhoMayUseIt() throws Exception {
        assertThat(page(get("/"), tracer)).contains("href=\"/health/persons\"", "健康状态");
        assertThat(page(get("/"), Officials.townAdmin())).doesNotContain("/health/persons");
    }

    @Test
    void searchingByIdNumberOpensThePersonAndIsAuditedWithoutTheNumber() throws Exception {
        PersonDetails details = TestPersons.details("上官婉儿");
        Person person = persons.registerOrUpdate(details);

        mvc.perform(post("/health/persons/search").param("q", details.idNumber().toLowerCase()).with(csrf())
                        .with(user(tracer)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/health/persons/" + person.id()));

        AuditRecord entry = audit.forSubject("person", Long.toString(person.id())).getLast();
        assertThat(entry.action()).isEqualTo("PERSON_SEARCH");
        assertThat(entry.actor()).isEqualTo(tracer.getUsername());
        assertThat(entry.detail()).isEqualTo("by=ID_NUMBER query=" + person.maskedIdNumber() + " found=true")
                .doesNotContain(details.idNumber());
    }

    @Test
    void searchingByPhoneAsPeopleTypeIt() throws Exception {
        PersonDetails details = TestPersons.details("司马光");
        Person person = persons.registerOrUpdate(details);
        String typed = "+86 " + details.phone().substring(0, 3) + " " + details.phone().substring(3, 7) + " "
                + details.phone().substring(7);

        mvc.perform(post("/health/persons/search").param("q", typed).with(csrf()).with(user(tracer)))
                .andExpect(redirectedUrl("/health/persons/" + person.id()));
        assertThat(audit.forSubject("person", Long.toString(person.id())).getLast().detail())
                .startsWith("by=PHONE query=" + person.maskedPhone());
    }

    @Test
    void aSearchThatFindsNobodySaysSoAndIsAuditedToo() throws Exception {
        String unknown = TestPersons.idNumber();
        int before = audit.forSubject("person", "none").size();

        String html = page(post("/health/persons/search").param("q", unknown).with(csrf()), tracer);

        assertThat(html).contains("没有登记此身份证号码的人员").doesNotContain(unknown);
        List<AuditRecord> misses = audit.forSubject("person", "none");
        assertThat(misses).hasSize(before + 1);
        assertThat(misses.getLast().detail()).endsWith("found=false").doesNotContain(unknown);
    }

    @Test
    void somethingThatIsNeitherAnIdNorAPhoneIsNotSearched() throws Exception {
        int before = audit.forSubject("person", "none").size();

        assertThat(page(post("/health/persons/search").param("q", "张三").with(csrf()), tracer))
                .contains("请输入完整的 18 位身份证号码或 11 位手机号码");
        assertThat(audit.forSubject("person", "none")).hasSize(before);
    }

    @Test
    void thePersonPageShowsOnlyMaskedIdentityAndTheDefaultGreen() throws Exception {
        PersonDetails details = TestPersons.details("欧阳修");
        Person person = persons.registerOrUpdate(details);

        String html = page(get("/health/persons/" + person.id()), tracer);

        assertThat(html).contains("欧*修", person.maskedPhone(), person.maskedIdNumber(), "health-GREEN",
                "从未设置，默认绿码", "尚无状态变更")
                .doesNotContain("欧阳修", details.phone(), details.idNumber());
    }

    @Test
    void settingAStatusByHand() throws Exception {
        Person person = persons.registerOrUpdate(TestPersons.details("包拯"));

        mvc.perform(post("/health/persons/" + person.id() + "/status").param("colour", "RED")
                        .param("reason", "密接，案例 12").param("until", "2099-01-01T08:00").with(csrf()).with(user(tracer)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/health/persons/" + person.id()))
                .andExpect(flash().attribute("notice", "health.assign.saved"));

        assertThat(statuses.current(person.id()).colour()).isEqualTo(HealthColour.RED);
        assertThat(statuses.current(person.id()).until()).isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z"));
        String html = page(get("/health/persons/" + person.id()), tracer);
        assertThat(html).contains("health-RED", "红码", "请勿进入场所", "密接，案例 12", "2099-01-01 08:00",
                "更改健康状态", tracer.getUsername(), "GREEN-&gt;RED");
    }

    @Test
    void aBrokenFormIsShownAgainWithEveryProblemAndChangesNothing() throws Exception {
        Person person = persons.registerOrUpdate(TestPersons.details("狄仁杰"));

        String html = page(post("/health/persons/" + person.id() + "/status").param("reason", " ")
                .param("until", "2000-01-01T08:00").with(csrf()), tracer);

        assertThat(html).contains("请检查标出的字段", "请选择绿码、黄码或红码", "请填写原因", "截止时间须晚于现在");
        assertThat(statuses.history(person.id())).isEmpty();
        assertThat(page(post("/health/persons/" + person.id() + "/status").param("colour", "RED")
                .param("reason", "x").param("until", "tomorrow").with(csrf()), tracer))
                .contains("截止时间格式应为");
    }

    @Test
    void anUnknownPersonIsNotFound() throws Exception {
        mvc.perform(get("/health/persons/" + Long.MAX_VALUE).with(user(tracer))).andExpect(status().isNotFound());
    }

    @Test
    void thePageSpeaksEnglish() throws Exception {
        Person person = persons.registerOrUpdate(TestPersons.details("王五"));

        assertThat(page(get("/health/persons/" + person.id() + "?lang=en"), tracer))
                .contains("Health status of a person", "Never set: green by default", "Set the status");
    }

    private String page(MockHttpServletRequestBuilder request, StaffUser as) throws Exception {
        return mvc.perform(request.with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
