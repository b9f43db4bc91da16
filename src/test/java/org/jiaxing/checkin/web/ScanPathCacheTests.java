package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jiaxing.checkin.domain.Consents;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.venue.TestVenues;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The scan path serves codes, venues, visitor passes and persons from memory; every change must still be
 * seen by the next scan (the caches are warmed by a first scan before each change). And the consent a
 * visitor gives when registering is stored and shown on "my records".
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ScanPathCacheTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired Persons persons;
    @Autowired VisitorPasses passes;
    @Autowired Consents consents;
    @Autowired MutableClock clock;

    Venue venue;
    String token;

    @BeforeEach
    void venue() {
        String code = "CACHE-" + System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft(code, "东湖菜场", "FARMERS_MARKET", "danghu", "东湖路 1 号",
                null, null, null, null, null, null)));
        venue = venues.findByCode(code).orElseThrow();
        token = codes.current(venue.id()).token();
    }

    @Test
    void aReissuedCodeIsWithdrawnEvenAfterItWasScanned() {
        String pass = passes.issue(person("33048219700101001", "顾建明"));
        assertThat(scan(token, pass)).hasStatus(HttpStatus.CREATED);

        codes.reissue(venue.id(), TestVenues.cityAdmin());

        assertThat(scan(token, pass)).hasStatus(HttpStatus.GONE);
        assertThat(scan(codes.current(venue.id()).token(), pass)).hasStatus2xxSuccessful();
    }

    @Test
    void aSuspendedVenueIsRefusedEvenAfterItWasScannedAndOpenAgainAfterwards() {
        String pass = passes.issue(person("33048219700101002", "顾建华"));
        assertThat(scan(token, pass)).hasStatus(HttpStatus.CREATED);

        registry.changeStatus(venue.id(), VenueStatus.SUSPENDED, TestVenues.cityAdmin());
        assertThat(scan(token, pass)).hasStatus(HttpStatus.CONFLICT);

        registry.changeStatus(venue.id(), VenueStatus.ACTIVE, TestVenues.cityAdmin());
        assertThat(scan(token, pass)).hasStatus2xxSuccessful();
    }

    @Test
    void aRenameIsShownAtTheNextScan() {
        long id = person("33048219700101003", "顾建国");
        String pass = passes.issue(id);
        assertThat(scan(token, pass)).bodyJson().extractingPath("$.maskedName").isEqualTo("顾*国");

        persons.rename(id, "沈建国");
        assertThat(scan(token, pass)).bodyJson().extractingPath("$.maskedName").isEqualTo("沈*国");

        // a registration with a new name changes it too
        persons.registerOrUpdate(PersonDetails.of("陆建国", null, idNumber("33048219700101003")));
        assertThat(scan(token, pass)).bodyJson().extractingPath("$.maskedName").isEqualTo("陆*国");
    }

    @Test
    void aRememberedPassStillExpires() {
        long id = person("33048219700101004", "顾秀英");
        String pass = passes.issue(id);
        assertThat(passes.verify(pass)).hasValue(id);
        assertThat(passes.verify(Tampering.tampered(pass))).isEmpty();

        clock.advance(Duration.ofDays(366));

        assertThat(passes.verify(pass)).isEmpty();
        clock.advance(Duration.ofDays(-366));
    }

    @Test
    void registeringStoresTheConsentWithTheTextVersionAndMyRecordsShowIt() throws Exception {
        String id = idNumber("33048219700101005");
        MvcTestResult refused = mvc.post().uri("/c/" + token).with(csrf()).param("name", "钱海燕")
                .param("phone", "13857310005").param("idNumber", id).exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(persons.findByIdNumber(id)).isEmpty();

        MvcTestResult registered = mvc.post().uri("/c/" + token).with(csrf()).param("name", "钱海燕")
                .param("phone", "13857310005").param("idNumber", id).param("consent", "true").exchange();
        assertThat(registered).hasStatusOk();
        long personId = persons.findByIdNumber(id).orElseThrow().id();

        assertThat(consents.ofPerson(personId)).singleElement().satisfies(consent -> {
            assertThat(consent.purposeVersion()).isEqualTo(Consents.CURRENT_PURPOSE);
            assertThat(consent.consentedAt()).isEqualTo(clock.instant());
            assertThat(consent.language()).isEqualTo(Locale.CHINESE.getLanguage());
        });

        Cookie pass = registered.getResponse().getCookie(VisitorCookies.PASS);
        assertThat(pass).isNotNull();
        assertThat(mvc.get().uri("/me").cookie(pass)).hasStatusOk().bodyText()
                .contains("我的同意记录", "说明版本 v1", "登记记录保留 28 天后自动删除",
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    private long person(String first17, String name) {
        return persons.registerOrUpdate(PersonDetails.of(name, null, idNumber(first17))).id();
    }

    private static String idNumber(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private MvcTestResult scan(String venueToken, String pass) {
        return mvc.post().uri("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueToken\":\"" + venueToken + "\",\"visitorPass\":\"" + pass + "\"}").exchange();
    }
}
