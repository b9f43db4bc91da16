package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.TabletCodes;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.venue.TestVenues;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tablet mode: the rotating code works for two steps, posters and old photos of it do not. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class TabletModeTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired TabletCodes tablets;
    @Autowired MutableClock clock;

    Venue zoo;

    @BeforeEach
    void venue() {
        String code = "TB-" + System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft(code, "九龙山景区", "SCENIC_PARK", "zhapu", "九龙山", null, null, null,
                null, null, null)));
        zoo = venues.findByCode(code).orElseThrow();
    }

    @Test
    void postersKeepWorkingUntilTabletModeIsSwitchedOn() {
        String poster = path(codes.issueUrl(zoo.id()));
        assertThat(mvc.get().uri(poster)).hasStatusOk();

        assertThat(mvc.post().uri("/venues/" + zoo.id() + "/tablet-mode").param("enabled", "true")
                .with(user(TestVenues.cityAdmin())).with(csrf())).hasStatus(HttpStatus.FOUND);

        assertThat(mvc.get().uri(poster)).hasStatus(HttpStatus.GONE).bodyText().contains("此码已过期");
    }

    @Test
    void aRotatingCodeIsAcceptedForTwoStepsThenRefused() {
        tablets.enable(zoo.id(), TestVenues.cityAdmin());
        URI shown = URI.create(tablets.currentUrl(zoo.id()));
        String scanned = shown.getPath() + "?" + shown.getQuery();

        assertThat(mvc.get().uri(scanned)).hasStatusOk().bodyText().contains("首次登记");
        clock.advance(Duration.ofSeconds(2 * TabletCodes.STEP_SECONDS));
        assertThat(mvc.get().uri(scanned)).hasStatusOk();
        clock.advance(Duration.ofSeconds(TabletCodes.STEP_SECONDS));
        assertThat(mvc.get().uri(scanned)).hasStatus(HttpStatus.GONE);
        assertThat(mvc.get().uri(shown.getPath() + "?t=" + shown.getQuery().substring(2).replace('A', 'B')
                .replace('a', 'b'))).hasStatus(HttpStatus.GONE);
    }

    @Test
    void onlyManagersSwitchTabletModeAndOnlyVisibleVenuesShowTheDisplay() {
        StaffUser door = new StaffUser(7, "door", "门岗", Role.VENUE_STAFF, null, Set.of(zoo.id()), true, "{noop}x");
        StaffUser otherTown = new StaffUser(8, "gc", "广陈", Role.TOWN_ADMIN, "guangchen", Set.of(), true, "{noop}x");

        assertThat(mvc.get().uri("/venues/" + zoo.id() + "/tablet").with(user(door))).hasStatusOk();
        assertThat(mvc.get().uri("/venues/" + zoo.id() + "/tablet/qr.png").with(user(door))).hasStatusOk();
        assertThat(mvc.post().uri("/venues/" + zoo.id() + "/tablet-mode").param("enabled", "true").with(user(door))
                .with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/venues/" + zoo.id() + "/tablet").with(user(otherTown))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(tablets.enabled(zoo.id())).isFalse();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }
}
