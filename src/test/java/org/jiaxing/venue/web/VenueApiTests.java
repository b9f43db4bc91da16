package org.jiaxing.venue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.supervisor;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;
import static org.jiaxing.venue.TestVenues.venueStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API: JSON shapes, problem details with the right status, scope. */
@SpringBootTest
@AutoConfigureMockMvc
class VenueApiTests {

    @Autowired MockMvc mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory directory;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void anonymousCallersGet401AndSupervisors403() throws Exception {
        mvc.perform(get("/api/v1/venues")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/venues").with(user(supervisor()))).andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("venue.error.accessDenied"));
    }

    @Test
    void listsAPageWithFilters() throws Exception {
        registry.register(aVenue(p + "-1").draft(), admin);
        registry.register(aVenue(p + "-2").category("BANK").draft(), admin);
        registry.register(aVenue(p + "-3").category("BANK").draft(), admin);

        mvc.perform(get("/api/v1/venues").param("q", p).param("category", "BANK").param("size", "1").param("page", "1")
                        .with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1)).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].code").value(p + "-3"))
                .andExpect(jsonPath("$.items[0].category.nameZh").value("银行网点"))
                .andExpect(jsonPath("$.items[0].category.dwellMinutes").value(30))
                .andExpect(jsonPath("$.items[0].town.code").value("danghu"));
        mvc.perform(get("/api/v1/venues").param("size", "201").with(user(admin))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("venue.error.pageSize"));
        mvc.perform(get("/api/v1/venues").param("status", "OPEN").with(user(admin))).andExpect(status().isBadRequest());
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyNotAnOverflow() throws Exception {
        registry.register(aVenue(p + "-1").draft(), admin);

        mvc.perform(get("/api/v1/venues").param("page", "2147483647").param("size", "200").with(user(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/venues").param("page", "99999999").with(user(admin))).andExpect(status().isOk());
    }

    @Test
    void createsReadsUpdatesAndChangesStatus() throws Exception {
        String location = mvc.perform(post("/api/v1/venues").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json(p + "-1", "guangchen")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(p + "-1"))
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.contactPhone").value("+86-573-1"))
                .andReturn().getResponse().getHeader("Location");
        long id = directory.findByCode(p + "-1").orElseThrow().id();
        assertThat(location).isEqualTo("/api/v1/venues/" + id);

        mvc.perform(get(location).with(user(admin))).andExpect(jsonPath("$.town.nameZh").value("广陈镇"));
        mvc.perform(get("/api/v1/venues/by-code/" + p.toLowerCase() + "-1").with(user(admin)))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(put(location).with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(p + "-1", "zhapu").replace("API 场所", "改名")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("改名"))
                .andExpect(jsonPath("$.town.code").value("zhapu"));
        mvc.perform(put(location + "/status").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"SUSPENDED\"}")).andExpect(jsonPath("$.status").value("SUSPENDED"));
        assertThat(directory.findById(id).orElseThrow().status()).isEqualTo(VenueStatus.SUSPENDED);
    }

    @Test
    void invalidInputIsA400ListingEveryField() throws Exception {
        String bad = json(p + "_1", "danghu").replace("\"API 场所\"", "\"\"").replace("121.5", "200");

        mvc.perform(post("/api/v1/venues").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("venue.error.invalid"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("code", "name", "longitude")))
                .andExpect(jsonPath("$.errors[1].message").value("请填写场所名称"));
        mvc.perform(post("/api/v1/venues?lang=en").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(jsonPath("$.errors[1].message").value("Enter the venue name"));
        mvc.perform(post("/api/v1/venues").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"longitude\": \"east\"")).andExpect(status().isBadRequest());
    }

    @Test
    void scopeIsEnforced() throws Exception {
        Venue danghu = registry.register(aVenue(p + "-DH").draft(), admin);
        Venue guangchen = registry.register(aVenue(p + "-GC").town("guangchen").draft(), admin);
        StaffUser gcAdmin = townAdmin("guangchen");

        mvc.perform(get("/api/v1/venues").param("q", p).with(user(gcAdmin)))
                .andExpect(jsonPath("$.items[*].code").value(Matchers.contains(p + "-GC")));
        mvc.perform(get("/api/v1/venues/" + danghu.id()).with(user(gcAdmin))).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/venues/by-code/" + p + "-DH").with(user(gcAdmin))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/venues/" + danghu.id()).with(user(gcAdmin)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json(p + "-DH", "guangchen")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/venues").with(user(gcAdmin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json(p + "-X", "danghu"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("venue.error.otherTown"));
        StaffUser staff = venueStaff(guangchen.id());
        mvc.perform(get("/api/v1/venues/" + guangchen.id()).with(user(staff))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/venues/" + guangchen.id() + "/status").with(user(staff)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isForbidden());
        assertThat(directory.findById(danghu.id()).orElseThrow()).isEqualTo(danghu);
        assertThat(directory.findById(guangchen.id()).orElseThrow().status()).isEqualTo(VenueStatus.ACTIVE);
    }

    @Test
    void listsTheCategoriesWithTracingParameters() throws Exception {
        mvc.perform(get("/api/v1/venue-categories").with(user(venueStaff(1L))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(32))
                .andExpect(jsonPath("$[?(@.code == 'OFFICE')].dwellMinutes").value(480))
                .andExpect(jsonPath("$[?(@.code == 'MEDICAL')].lingerMinutes").value(60));
    }

    @Test
    void documentsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/venues/{id}/status']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/venue-categories']").exists());
    }

    private static String json(String code, String town) {
        return """
                {"code": "%s", "name": "API 场所", "categoryCode": "HOTEL", "townCode": "%s", "address": "路 1 号",
                 "longitude": 121.5, "latitude": 30.5, "contactName": "赵", "contactPhone": "+86-573-1",
                 "openingHours": null, "expectedDailyVisitors": 50}""".formatted(code, town);
    }
}
