package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.dashboard.domain.ComplianceRules;
import org.jiaxing.dashboard.domain.ComplianceSort;
import org.jiaxing.dashboard.domain.Dashboard;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;
import org.jiaxing.dashboard.domain.DashboardViews.FlagView;
import org.jiaxing.dashboard.domain.FlagKind;
import org.jiaxing.dashboard.domain.LiveCounting;
import org.jiaxing.dashboard.domain.Period;
import org.jiaxing.dashboard.domain.Scope;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Hostile venue names on the two dashboard pages that need more than a scan to show one: a fraud flag's
 * page ({@code /dashboard/flags/{id}}, raised by the live fraud rules from real check-ins) and the
 * compliance list on {@code /dashboard} (a venue due open by its hours, at the test clock, with no scan
 * today). Each name is on the page escaped, never raw, and the only scripts are the pages' own.
 *
 * <p>A context of its own (the properties differ from every other class), so the flag and compliance lists
 * hold only this class's venues and the moved clock disturbs no one else.
 */
@SpringBootTest(properties = {"jiaxing.dashboard.flush-interval=1h",
        "jiaxing.checkin.visitor.rate-limit-enabled=false"})
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class DashboardFlagAndComplianceEscapingTests {

    /** 2026-03-01 15:00 in Pinghu (UTC+8): well inside 08:00-22:00, more than the 2 h zero-scan grace. */
    static final Instant NOW = Instant.parse("2026-03-01T07:00:00Z");

    /** The scripts the layout and the dashboard load; any other {@code <script} came from data. */
    static final Pattern OWN_SCRIPT = Pattern.compile("<script src=\"/(webjars|js)/[^\"<>]+\" defer>");
    static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<script\\b[^>]*>");
    /** No template sets an event-handler attribute: one on any tag is a broken-out attribute. */
    static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");

    @Autowired MockMvc mvc;
    @Autowired CheckinRecorder recorder;
    @Autowired LiveCounting counting;
    @Autowired Dashboard dashboard;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired MutableClock clock;

    final StaffUser city = new StaffUser(931_003, "esc-flag-city", "市级", Role.CITY_ADMIN, null, Set.of(), true, null);

    @BeforeEach
    void pinTheClock() {
        clock.set(NOW);
    }

    @Test
    void aFlagPageShowsHostileVenueNamesEscaped() throws Exception {
        List<String> payloads = Escaped.XSS;
        long personBase = 981_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L) * 100;
        Instant first = NOW.minus(Duration.ofHours(1));
        List<Venue> from = new ArrayList<>();
        List<Venue> to = new ArrayList<>();
        for (String payload : payloads) {
            // about 22 km apart (as in DashboardCountingContract); no opening hours, so not on the compliance list
            from.add(venue("from:" + payload, "danghu", 121.0149, 30.6923, null));
            to.add(venue("to:" + payload, "guangchen", 121.2000, 30.8000, null));
        }
        long scansBefore = scansToday();
        for (int i = 0; i < payloads.size(); i++) {
            recorder.record(NewCheckin.scan(personBase + i, from.get(i).id(), first.plusSeconds(i)));
        }
        // the first leg counted before the second is recorded, so the rule sees them in order
        awaitScansToday(scansBefore + payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            recorder.record(NewCheckin.scan(personBase + i, to.get(i).id(), first.plus(Duration.ofMinutes(5)).plusSeconds(i)));
        }
        awaitTravelFlags(to);

        List<FlagView> raised = dashboard.flags(Scope.city(), Period.TODAY, 100, Locale.ROOT);
        String index = page("/dashboard");
        assertOnlyOwnMarkup("/dashboard", index);
        String flagsTable = section(index, "id=\"flags-table\"", "</table>");
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            long venueId = to.get(i).id();
            FlagView flag = raised.stream().filter(f -> f.kind() == FlagKind.IMPOSSIBLE_TRAVEL && f.venueId() == venueId)
                    .findFirst().orElseThrow(() -> new AssertionError("no travel flag for " + payload));
            assertThat(flag.venueName()).isEqualTo("to:" + payload);
            String path = "/dashboard/flags/" + flag.id();

            // the dashboard's flag table lists it (escaped) and links to its page
            assertThat(flagsTable).as("flags table links %s", path).contains("href=\"" + path + "\"");
            Escaped.assertShown("/dashboard flags table", flagsTable, List.of("to:" + payload));

            String detail = page(path);
            assertOnlyOwnMarkup(path, detail);
            Escaped.assertShown(path + " facts", section(detail, "<dl class=\"facts\">", "</dl>"),
                    List.of("to:" + payload));
            // both legs of the journey, each with its venue name
            String records = section(detail, "id=\"flag-records\"", "</table>");
            Escaped.assertShown(path + " records", records, List.of("from:" + payload, "to:" + payload));
            Escaped.assertNoneRaw(path, detail, List.of("from:" + payload, "to:" + payload));
        }
        Escaped.assertNoneRaw("/dashboard", index,
                payloads.stream().flatMap(p -> Stream.of("from:" + p, "to:" + p)).toList());
    }

    @Test
    void theComplianceListShowsHostileVenueNamesEscaped() throws Exception {
        List<String> payloads = Escaped.XSS;
        assertThat(payloads.size()).as("every row fits on the page").isLessThanOrEqualTo(50);
        List<String> names = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String payload : payloads) {
            // open 08:00-22:00, no scan today, and it is 15:00: listed for zero scans
            Venue venue = venue("zero:" + payload, "xindai", 121.05, 30.70, "08:00-22:00");
            names.add(venue.name());
            ids.add(venue.id());
        }
        Map<Long, ComplianceRow> listed = new HashMap<>();
        dashboard.compliance(Scope.city(), ComplianceSort.VENUE, Locale.ROOT).forEach(r -> listed.put(r.venueId(), r));
        for (int i = 0; i < ids.size(); i++) {
            ComplianceRow row = listed.get(ids.get(i));
            assertThat(row).as("compliance row of %s", names.get(i)).isNotNull();
            assertThat(row.findings()).as(names.get(i)).contains(ComplianceRules.Finding.ZERO_TODAY);
        }

        for (String sort : List.of("findings", "venue")) {
            String path = "/dashboard?sort=" + sort;
            String index = page(path);
            assertOnlyOwnMarkup(path, index);
            Escaped.assertShown(path + " compliance table", section(index, "id=\"compliance-table\"", "</table>"), names);
            Escaped.assertNoneRaw(path, index, names);
        }
    }

    private Venue venue(String name, String town, double longitude, double latitude, String hours) {
        String code = "FX-" + Math.floorMod(System.nanoTime(), 100_000_000_000L);
        registry.upsertAll(List.of(new VenueDraft(code, name, "SUPERMARKET", town, "address", longitude, latitude, null,
                null, hours, null)));
        Venue venue = venues.findByCode(code).orElseThrow();
        assertThat(venue.name()).isEqualTo(name);
        return venue;
    }

    private long scansToday() {
        return dashboard.scans(Scope.city(), Period.TODAY, Locale.ROOT).total().checkins();
    }

    /** Flushes the live counters until the check-ins are counted (events arrive on their own thread). */
    private void awaitScansToday(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (scansToday() < expected && System.nanoTime() < deadline) {
            counting.flush();
            Thread.sleep(20);
        }
        assertThat(scansToday()).as("check-ins counted").isEqualTo(expected);
    }

    private void awaitTravelFlags(List<Venue> to) throws InterruptedException {
        Set<Long> wanted = new HashSet<>(to.stream().map(Venue::id).toList());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<Long> flagged = Set.of();
        while (System.nanoTime() < deadline) {
            counting.flush();
            flagged = new HashSet<>(dashboard.flags(Scope.city(), Period.TODAY, 100, Locale.ROOT).stream()
                    .filter(f -> f.kind() == FlagKind.IMPOSSIBLE_TRAVEL).map(FlagView::venueId).toList());
            if (flagged.containsAll(wanted)) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(flagged).as("impossible-travel flags raised").containsAll(wanted);
    }

    private static void assertOnlyOwnMarkup(String what, String page) {
        Matcher scripts = SCRIPT_TAG.matcher(page);
        int own = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).as("%s: a script tag the templates do not have", what).matches(OWN_SCRIPT);
            own++;
        }
        assertThat(own).as("%s loads its own scripts", what).isPositive();
        Matcher handler = HANDLER_ATTRIBUTE.matcher(page);
        if (handler.find()) {
            throw new AssertionError(what + ": event-handler attribute in "
                    + page.substring(handler.start(), Math.min(page.length(), handler.end() + 40)));
        }
    }

    /** From the first {@code start} to the next {@code end} (inclusive). */
    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("page has %s", start).isNotNegative();
        int to = page.indexOf(end, from);
        assertThat(to).as("%s ends", start).isPositive();
        return page.substring(from, to + end.length());
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(city))).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as("%s %s", path, body).isEqualTo(200);
        return body;
    }
}
