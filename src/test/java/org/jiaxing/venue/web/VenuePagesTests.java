package org.jiaxing.venue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.supervisor;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.tracer;
import static org.jiaxing.venue.TestVenues.uniquePrefix;
import static org.jiaxing.venue.TestVenues.venueStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The list and detail pages: what each role sees, htmx partials, escaping. */
@SpringBootTest
@AutoConfigureMockMvc
class VenuePagesTests {

    @Autowired MockMvc mvc;
    @Autowired VenueRegistry registry;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        // as a browser asks: without "Accept: text/html" Spring Security answers 401 for HTTP Basic clients
        mvc.perform(get("/venues").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/venues/1").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void supervisorsMayNotOpenTheRegistry() throws Exception {
        Venue venue = register(aVenue(p + "-1"));
        mvc.perform(get("/venues").with(user(supervisor()))).andExpect(status().isForbidden());
        mvc.perform(get("/venues/" + venue.id()).with(user(supervisor()))).andExpect(status().isForbidden());
    }

    @Test
    void listsFilteredVenuesWithStatusBadgesAndWriteButtonsForAdmins() throws Exception {
        register(aVenue(p + "-1").name("平湖大润发"));
        register(aVenue(p + "-2").name("平湖第一人民医院").category("MEDICAL"));

        String html = page("/venues?q=" + p + "&category=MEDICAL", admin);

        assertThat(html).contains(p + "-2", "平湖第一人民医院", "医疗卫生机构", "当湖街道", "badge ACTIVE", "共 1 个场所")
                .doesNotContain(p + "-1").contains("href=\"/venues/new\"", "href=\"/venues/import\"")
                .contains("/venues/export.csv?q=" + p + "&amp;category=MEDICAL");
        assertThat(html).contains("hx-get=\"/venues\"", "hx-target=\"#venue-results\"", "hx-push-url=\"true\"");
        assertThat(page("/venues?q=" + p, tracer())).contains(p + "-1").doesNotContain("href=\"/venues/new\"");
    }

    @Test
    void anHtmxRequestGetsOnlyTheResults() throws Exception {
        register(aVenue(p + "-1"));

        String partial = mvc.perform(get("/venues").param("q", p).header("HX-Request", "true").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(partial).startsWith("<div id=\"venue-results\">").contains(p + "-1").doesNotContain("<html", "<form");
        String restore = mvc.perform(get("/venues").param("q", p).header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true").with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(restore).contains("<html");
    }

    @Test
    void pagesThroughResultsKeepingTheFilters() throws Exception {
        for (int i = 1; i <= 26; i++) {
            register(aVenue(p + "-%02d".formatted(i)));
        }

        String first = page("/venues?q=" + p, admin);
        String second = page("/venues?q=" + p + "&page=1", admin);

        assertThat(first).contains(p + "-25", "第 1 / 2 页", "/venues?q=" + p + "&amp;page=1").doesNotContain(p + "-26");
        assertThat(second).contains(p + "-26").doesNotContain(p + "-25");
    }

    @Test
    void aTownAdminSeesOnlyTheirTownAndGets404ForOthers() throws Exception {
        Venue danghu = register(aVenue(p + "-DH"));
        Venue guangchen = register(aVenue(p + "-GC").town("guangchen"));
        StaffUser gcAdmin = townAdmin("guangchen");

        assertThat(page("/venues?q=" + p + "&town=danghu", gcAdmin)).contains(p + "-GC").doesNotContain(p + "-DH");
        assertThat(page("/venues/" + guangchen.id(), gcAdmin)).contains("/venues/" + guangchen.id() + "/edit");
        mvc.perform(get("/venues/" + danghu.id()).with(user(gcAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/venues/" + danghu.id() + "/edit").with(user(gcAdmin))).andExpect(status().isNotFound());
    }

    @Test
    void venueStaffSeeOnlyTheirVenuesWithoutEditing() throws Exception {
        Venue own = register(aVenue(p + "-1"));
        Venue other = register(aVenue(p + "-2"));
        StaffUser staff = venueStaff(own.id());

        assertThat(page("/venues?q=" + p, staff)).contains(p + "-1").doesNotContain(p + "-2", "/venues/new");
        assertThat(page("/venues/" + own.id(), staff)).contains(own.name())
                .doesNotContain("/edit", "/poster", "/code\"", "name=\"status\"");
        mvc.perform(get("/venues/" + other.id()).with(user(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/venues/" + own.id() + "/edit").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/venues/new").with(user(staff))).andExpect(status().isForbidden());
    }

    @Test
    void theDetailPageShowsEveryFieldTracingParametersAndActions() throws Exception {
        Venue venue = register(aVenue(p + "-1").category("MEDICAL"));

        String html = page("/venues/" + venue.id(), admin);

        assertThat(html).contains(p + "-1", venue.name(), "医疗卫生机构", "当湖街道", "当湖街道新华中路 1 号",
                "121.0148, 30.6962", "张经理", "0573-85012345", "08:00-22:00", "1200", "120 分钟", "15 分钟", "60 分钟");
        assertThat(html).contains("href=\"/venues/" + venue.id() + "/poster\"", "href=\"/venues/" + venue.id() + "/code\"",
                "href=\"/venues/" + venue.id() + "/edit\"", "打印海报", "嘉行码");
        assertThat(page("/venues/" + venue.id() + "?lang=en", admin))
                .contains("Medical institution", "120 minutes", "Print poster", "Venue code");
        assertThat(page("/venues/" + venue.id(), tracer())).contains(venue.name()).doesNotContain("/poster", "/edit");
    }

    @Test
    void escapesWhatUsersTyped() throws Exception {
        Venue venue = register(aVenue(p + "-1").name("<script>alert(1)</script>").address("\"><img src=x onerror=alert(2)>"));

        for (String html : new String[] {page("/venues?q=" + p, admin), page("/venues/" + venue.id(), admin),
                page("/venues/" + venue.id() + "/edit", admin)}) {
            assertThat(html).doesNotContain("<script>alert(1)", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    private Venue register(org.jiaxing.venue.TestVenues.Draft draft) {
        return registry.register(draft.draft(), admin);
    }

    private String page(String url, StaffUser user) throws Exception {
        return mvc.perform(get(url).with(user(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
