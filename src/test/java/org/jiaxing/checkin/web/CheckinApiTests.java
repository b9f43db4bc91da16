package org.jiaxing.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaxing.checkin.CheckinQueries;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.TestVenues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public check-in API: every bad input is a clear 4xx and records nothing. */
@SpringBootTest(properties = "jiaxing.checkin.visitor.per-person-per-minute=3")
@AutoConfigureMockMvc
class CheckinApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired Persons persons;
    @Autowired HealthStatuses health;
    @Autowired CheckinQueries checkins;
    @Autowired VisitorPasses passes;

    Venue market;
    String token;

    @BeforeEach
    void venue() {
        String code = "API-" + System.nanoTime() % 1_000_000;
        registry.upsertAll(List.of(new VenueDraft(code, "胜利路菜市场", "FARMERS_MARKET", "danghu", "胜利路 218 号",
                null, null, null, null, null, null)));
        market = venues.findByCode(code).orElseThrow();
        token = codes.current(market.id()).token();
    }

    @Test
    void registersAndChecksInThenAnswersADuplicateWithTheFirstCheckIn() {
        String id = id("33048219900101003");
        MvcTestResult first = post(body(token, id, "13857311111", "陆建明"));
        assertThat(first).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("GREEN");
        assertThat(first).bodyJson().extractingPath("$.maskedName").isEqualTo("陆*明");

        MvcTestResult again = post(body(token, id, null, null));
        assertThat(again).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.duplicate").isEqualTo(true);
        assertThat(recordedHere()).hasSize(1);
    }

    @Test
    void aRedPersonIsRecordedAsRefused() {
        long red = persons.registerOrUpdate(PersonDetails.of("王红梅", null, id("33048219800101002"))).id();
        health.assign(red, HealthColour.RED, "密接", null, "tracer");

        MvcTestResult result = post(body(token, id("33048219800101002"), null, null));

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.refused").isEqualTo(true);
        assertThat(recordedHere()).singleElement().satisfies(c -> assertThat(c.refused()).isTrue());
    }

    @Test
    void badInputIsAClear4xxAndRecordsNothing() {
        String id = id("33048219900101004");
        assertThat(post(body("forged", id, null, "沈丽"))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(body(token, wrongCheckCharacter(id), null, "沈丽"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo("person.error.invalid");
        assertThat(post(body(token, id("33048219900101005"), null, null))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("{\"venueToken\": \"" + token + "\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("{not json")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(recordedHere()).isEmpty();
    }

    @Test
    void withdrawnCodesAndSuspendedVenuesAreRefused() {
        String id = id("33048219900101006");
        codes.reissue(market.id(), TestVenues.cityAdmin());
        assertThat(post(body(token, id, null, "沈丽"))).hasStatus(HttpStatus.GONE);

        String current = codes.current(market.id()).token();
        registry.changeStatus(market.id(), VenueStatus.SUSPENDED, TestVenues.cityAdmin());
        assertThat(post(body(current, id, null, "沈丽"))).hasStatus(HttpStatus.CONFLICT);
        assertThat(recordedHere()).isEmpty();
    }

    @Test
    void tooManyCheckInsOfOnePersonAre429WithRetryAfter() {
        String id = id("33048219900101007");
        String[] others = new String[3];
        for (int i = 0; i < 3; i++) {
            String code = "RL-" + i + "-" + System.nanoTime() % 100_000;
            registry.upsertAll(List.of(new VenueDraft(code, "店" + i, "RESTAURANT", "danghu", "路 " + i + " 号",
                    null, null, null, null, null, null)));
            others[i] = codes.current(venues.findByCode(code).orElseThrow().id()).token();
        }
        for (String other : others) {
            assertThat(post(body(other, id, null, "沈丽"))).hasStatus(HttpStatus.CREATED);
        }

        MvcTestResult limited = post(body(token, id, null, "沈丽"));

        assertThat(limited).hasStatus(HttpStatus.TOO_MANY_REQUESTS).containsHeader("Retry-After");
        assertThat(recordedHere()).isEmpty();
    }

    @Test
    void aVisitorPassNamesThePersonAndAForgedOrOrphanedPassIsAnUnknownVisitor() {
        long person = persons.registerOrUpdate(PersonDetails.of("陈秀英", null, id("33048219700101008"))).id();

        MvcTestResult checkedIn = post("{\"venueToken\":\"" + token + "\",\"visitorPass\":\"" + passes.issue(person) + "\"}");

        assertThat(checkedIn).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.maskedName").isEqualTo("陈*英");
        assertThat(post("{\"venueToken\":\"" + token + "\",\"visitorPass\":\"v1.1.1.forged\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("{\"venueToken\":\"" + token + "\",\"visitorPass\":\"" + passes.issue(987_654_321) + "\"}"))
                .as("a genuine pass of a person who does not exist (any more)").hasStatus(HttpStatus.NOT_FOUND);
        assertThat(recordedHere()).singleElement().satisfies(c -> assertThat(c.personId()).isEqualTo(person));
    }

    @Test
    void anOverlongDeviceIdIsIgnoredNotRefused() {
        String json = body(token, id("33048219900101009"), null, "沈丽");

        MvcTestResult result = mvc.post().uri("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON)
                .header("X-Device-Id", "d".repeat(65)).content(json).exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(recordedHere()).hasSize(1);
    }

    private java.util.List<org.jiaxing.checkin.Checkin> recordedHere() {
        return checkins.atVenue(market.id(), java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"));
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/checkins").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static String body(String venueToken, String idNumber, String phone, String name) {
        return "{\"venueToken\":\"" + venueToken + "\",\"idNumber\":\"" + idNumber + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}";
    }

    private static String wrongCheckCharacter(String valid) {
        char right = valid.charAt(17);
        return valid.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    private static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
