package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The door console by role and scope: only venue staff, only their own venues. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleAccessTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired CheckinQueries checkins;
    @Autowired org.jiaxing.shared.JiaxingProperties platform;

    Venue mine;
    Venue other;

    @BeforeEach
    void venues() {
        long n = System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(
                new VenueDraft("CA-" + n, "第一人民医院", "MEDICAL", "danghu", "新华南路 368 号", null, null, null, null, null, null),
                new VenueDraft("CB-" + n, "山塘村文化礼堂", "CULTURAL_HALL", "guangchen", "山塘村", null, null, null, null, null,
                        null)));
        mine = venues.findByCode("CA-" + n).orElseThrow();
        other = venues.findByCode("CB-" + n).orElseThrow();
    }

    @Test
    void onlyVenueStaffOpenTheirOwnConsole() {
        assertThat(mvc.get().uri("/console/" + mine.id())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/console/" + mine.id()).with(user(staffOf(mine)))).hasStatusOk();
        assertThat(mvc.get().uri("/console/" + mine.id() + "/entrants").with(user(staffOf(mine)))).hasStatusOk();
        assertThat(mvc.get().uri("/console/" + other.id()).with(user(staffOf(mine)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/console/" + other.id() + "/entrants").with(user(staffOf(mine))))
                .hasStatus(HttpStatus.NOT_FOUND);
        for (Role role : List.of(Role.CITY_ADMIN, Role.TOWN_ADMIN, Role.TRACER, Role.SUPERVISOR)) {
            assertThat(mvc.get().uri("/console/" + mine.id()).with(user(someone(role)))).as(role.name())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void assistedCheckInOnlyAtOwnVenuesAndBadIdNumbersRecordNothing() {
        String id = "33048219400202003";
        String valid = id + IdNumbers.checkCharacter(id);

        assertThat(mvc.post().uri("/console/" + other.id() + "/assisted").with(user(staffOf(mine))).with(csrf())
                .param("idNumber", valid).param("name", "陆阿婆")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/console/" + mine.id() + "/assisted").with(user(staffOf(mine))).with(csrf())
                .param("idNumber", "12345").param("name", "陆阿婆")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText().contains("身份证");
        assertThat(checkins.atVenue(other.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
        assertThat(checkins.atVenue(mine.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();

        assertThat(mvc.post().uri("/console/" + mine.id() + "/assisted").with(user(staffOf(mine))).with(csrf())
                .param("idNumber", valid).param("name", "陆阿婆")).hasStatusOk().bodyText().contains("陆*婆", "代登记");
        assertThat(checkins.atVenue(mine.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).hasSize(1);
    }

    @Test
    void theHourlyChartLabelsEveryHourAndCountsTheCheckinsOfTheirHour() throws Exception {
        String id = "33048219400202011";
        assertThat(mvc.post().uri("/console/" + mine.id() + "/assisted").with(user(staffOf(mine))).with(csrf())
                .param("idNumber", id + IdNumbers.checkCharacter(id)).param("name", "沈阿公")).hasStatusOk();
        int hour = checkins.atVenue(mine.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).getFirst()
                .checkedInAt().atZone(platform.zone()).getHour();

        String page = mvc.get().uri("/console/" + mine.id()).with(user(staffOf(mine))).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        List<String> labels = java.util.regex.Pattern.compile("<span class=\"hour-label\">(\\d+)</span>").matcher(page)
                .results().map(m -> m.group(1)).toList();
        assertThat(labels).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24).mapToObj(String::valueOf).toList());
        assertThat(page).contains("data-hour=\"" + hour + "\" data-count=\"1\"")
                .contains("横轴为时段");
        assertThat(java.util.regex.Pattern.compile("data-count=\"0\"").matcher(page).results().count()).isEqualTo(23);
    }

    private static StaffUser staffOf(Venue venue) {
        return new StaffUser(100, "door", "门岗", Role.VENUE_STAFF, null, Set.of(venue.id()), true, "{noop}x");
    }

    private static StaffUser someone(Role role) {
        return new StaffUser(200, role.name(), "某人", role, role == Role.TOWN_ADMIN ? "danghu" : null, Set.of(), true,
                "{noop}x");
    }
}
