package org.jiaxing.venue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;
import static org.jiaxing.venue.TestVenues.venueStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Registering, editing and changing status through the forms, with errors next to their fields. */
@SpringBootTest
@AutoConfigureMockMvc
class VenueFormTests {

    @Autowired MockMvc mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory directory;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void registersAVenueAndShowsIt() throws Exception {
        String location = mvc.perform(form(post("/venues"), p + "-1", "danghu").with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();

        Venue venue = directory.findByCode(p + "-1").orElseThrow();
        assertThat(location).isEqualTo("/venues/" + venue.id());
        assertThat(venue.longitude()).isEqualTo(121.0148);
        assertThat(venue.expectedDailyVisitors()).isEqualTo(300);
    }

    @Test
    void showsEveryProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        String html = mvc.perform(form(post("/venues"), p + "_1", "danghu", "name", "",
                        "longitude", "东经121", "latitude", "", "openingHours", "全天", "expectedDailyVisitors", "很多").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("请检查标出的字段", "编码只能包含字母、数字和“-”", "请填写场所名称", "“东经121”不是数字",
                "营业时间格式为 HH:mm-HH:mm", "“很多”不是整数");
        assertThat(html).contains("value=\"" + p + "_1\"", "value=\"东经121\"", "class=\"field-error\"");
        assertThat(directory.findByCode(p + "_1")).isEmpty();
    }

    @Test
    void aTakenCodeIsShownOnTheCodeField() throws Exception {
        registry.register(aVenue(p + "-1").draft(), admin);

        String html = mvc.perform(form(post("/venues"), p + "-1", "danghu").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("编码 " + p + "-1 已被其他场所使用");
    }

    @Test
    void editsAVenueWithoutTouchingItsIdOrStatus() throws Exception {
        Venue venue = registry.register(aVenue(p + "-1").draft(), admin);
        registry.changeStatus(venue.id(), VenueStatus.SUSPENDED, admin);

        assertThat(mvc.perform(get("/venues/" + venue.id() + "/edit").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("value=\"" + p + "-1\"", "value=\"121.0148\"");
        mvc.perform(form(post("/venues/" + venue.id()), p + "-1", "zhapu", "name", "新名字", "id", "1",
                        "status", "ACTIVE").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());

        Venue changed = directory.findByCode(p + "-1").orElseThrow();
        assertThat(changed.id()).isEqualTo(venue.id());
        assertThat(changed.name()).isEqualTo("新名字");
        assertThat(changed.townCode()).isEqualTo("zhapu");
        assertThat(changed.status()).isEqualTo(VenueStatus.SUSPENDED);
    }

    @Test
    void aTownAdminOffersOnlyTheirTownAndCannotWriteElsewhere() throws Exception {
        Venue danghu = registry.register(aVenue(p + "-DH").draft(), admin);
        StaffUser gcAdmin = townAdmin("guangchen");

        String html = mvc.perform(get("/venues/new").with(user(gcAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"guangchen\"").doesNotContain("value=\"danghu\"");

        mvc.perform(form(post("/venues"), p + "-X", "danghu").with(user(gcAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(form(post("/venues/" + danghu.id()), p + "-DH", "guangchen").with(user(gcAdmin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/venues/" + danghu.id() + "/status").param("status", "CLOSED").with(user(gcAdmin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(directory.findByCode(p + "-X")).isEmpty();
        assertThat(directory.findById(danghu.id()).orElseThrow().townCode()).isEqualTo("danghu");
    }

    @Test
    void venueStaffCannotRegisterOrEdit() throws Exception {
        Venue own = registry.register(aVenue(p + "-1").draft(), admin);
        StaffUser staff = venueStaff(own.id());

        mvc.perform(form(post("/venues"), p + "-2", "danghu").with(user(staff)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(form(post("/venues/" + own.id()), p + "-1", "danghu", "name", "改")
                .with(user(staff)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/venues/" + own.id() + "/status").param("status", "CLOSED").with(user(staff)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(directory.findById(own.id()).orElseThrow()).isEqualTo(own);
    }

    @Test
    void changesTheStatusFromTheDetailPage() throws Exception {
        Venue venue = registry.register(aVenue(p + "-1").draft(), admin);

        mvc.perform(post("/venues/" + venue.id() + "/status").param("status", "CLOSED").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(directory.findById(venue.id()).orElseThrow().status()).isEqualTo(VenueStatus.CLOSED);

        String html = mvc.perform(post("/venues/" + venue.id() + "/status").param("status", "GONE").with(user(admin))
                .with(csrf())).andReturn().getFlashMap().get("problem").toString();
        assertThat(html).isEqualTo("venue.error.status.required");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(form(post("/venues"), p + "-1", "danghu").with(user(admin))).andExpect(status().isForbidden());
        assertThat(directory.findByCode(p + "-1")).isEmpty();
    }

    /** A complete, valid form; {@code overrides} are name/value pairs that replace a default. */
    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code, String town,
            String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", "测试场所");
        fields.put("categoryCode", "RESTAURANT");
        fields.put("townCode", town);
        fields.put("address", "测试路 1 号");
        fields.put("longitude", "121.0148");
        fields.put("latitude", "30.6962");
        fields.put("contactName", "王");
        fields.put("contactPhone", "13800000000");
        fields.put("openingHours", "10:00-21:00");
        fields.put("expectedDailyVisitors", "300");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }
}
