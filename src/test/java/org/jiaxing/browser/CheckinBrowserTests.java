package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The visitor's and the guard's whole experience on phone-sized screens: first scan with registration,
 * the one-step second scan, a duplicate, a red person refused, companions, the staff console and an
 * assisted check-in.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckinBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired Persons persons;
    @Autowired HealthStatuses health;
    @Autowired StaffAccounts accounts;

    Venue hospital;
    Venue market;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @BeforeEach
    void venues() {
        registry.upsertAll(List.of(
                new VenueDraft("PH-0001", "平湖市第一人民医院", "MEDICAL", "danghu", "浙江省平湖市当湖街道新华南路 368 号",
                        121.0149, 30.6923, "徐丽华", "0573-85013811", "00:00-23:59", 3800),
                new VenueDraft("PH-0002", "当湖街道胜利路菜市场", "FARMERS_MARKET", "danghu", "浙江省平湖市当湖街道胜利路 218 号",
                        121.0121, 30.6988, "陆建明", "13857312345", "05:00-18:00", 2500)));
        hospital = venues.findByCode("PH-0001").orElseThrow();
        market = venues.findByCode("PH-0002").orElseThrow();
    }

    @Test
    void aVisitorRegistersOnceThenScansInOneStepAndSeesDuplicatesAndCompanions() {
        Page phone = browser.newPage(true);

        phone.navigate(scanUrl(hospital));
        assertThat(phone.locator("h1")).containsText("平湖市第一人民医院");
        phone.fill("#name", "沈建国");
        phone.fill("#phone", "13857300001");
        phone.fill("#idNumber", id("33048219500315001"));
        phone.click("button[type=submit]");
        assertThat(phone.locator(".field-error")).containsText("同意");
        phone.check("input[name=consent]");
        phone.fill("#idNumber", id("33048219500315001"));
        phone.click("button[type=submit]");
        assertThat(phone.locator("#status-panel")).hasAttribute("data-colour", "GREEN");
        assertThat(phone.locator(".status-name")).hasText("沈*国");
        String first = phone.locator("[data-time]").textContent();
        phone.waitForTimeout(1200);
        assertThat(phone.locator("[data-time]")).not().hasText(first);
        Browser.screenshot(phone, "checkin-green-phone");

        phone.navigate(scanUrl(hospital));
        assertThat(phone.locator(".visit-note").first()).containsText("已于");

        phone.navigate(scanUrl(market));
        assertThat(phone.locator("#status-panel")).hasAttribute("data-colour", "GREEN");
        assertThat(phone.locator("#name")).hasCount(0);

        phone.click("text=添加同行人员");
        phone.fill("#c-name", "沈小宝");
        phone.fill("#c-id", id("33048220180601002"));
        phone.click("button[type=submit]");
        assertThat(phone.locator(".companion-panel")).hasCount(1);
        assertThat(phone.locator(".companion-panel .status-name")).hasText("沈*宝");
        Browser.screenshot(phone, "checkin-companion-phone");

        phone.navigate(url("/me"));
        assertThat(phone.locator("table")).containsText("当湖街道胜利路菜市场");
        assertThat(phone.locator("table")).containsText("平湖市第一人民医院");
    }

    @Test
    void aRedPersonIsRefusedAndTheGuardSeesItWithAnAssistedCheckIn() {
        long red = persons.registerOrUpdate(PersonDetails.of("王红梅", "13857300002", id("33048219800101002"))).id();
        health.assign(red, HealthColour.RED, "密接", null, "tracer");
        persons.registerOrUpdate(PersonDetails.of("陆阿婆", null, id("33048219400202002")));

        Page visitor = browser.newPage(true);
        visitor.navigate(scanUrl(hospital));
        visitor.fill("#name", "王红梅");
        visitor.fill("#phone", "13857300002");
        visitor.fill("#idNumber", id("33048219800101002"));
        visitor.check("input[name=consent]");
        visitor.click("button[type=submit]");
        assertThat(visitor.locator("#status-panel")).hasAttribute("data-colour", "RED");
        assertThat(visitor.locator(".status-advice")).hasText("请勿进入，请联系工作人员");
        Browser.screenshot(visitor, "checkin-red-phone");

        Page guard = staffLoggedIn();
        guard.navigate(url("/console"));
        assertThat(guard.locator(".alert-refused")).containsText("王*梅");
        guard.fill("#a-id", id("33048219400202002"));
        guard.click("form[action$='/assisted'] button");
        assertThat(guard.locator("#assisted-result")).hasAttribute("data-colour", "GREEN");
        assertThat(guard.locator("#entrants table")).containsText("陆*婆");
        assertThat(guard.locator("#entrants table")).containsText("代登记");
        Browser.screenshot(guard, "console-desktop");
    }

    private Page staffLoggedIn() {
        String username = "door-" + System.nanoTime();
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of(username, "预检分诊 徐丽华", password, Role.VENUE_STAFF)
                .forVenues(Set.of(hospital.id())));
        Page page = browser.newPage(false);
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        return page;
    }

    private String scanUrl(Venue venue) {
        return url(URI.create(codes.issueUrl(venue.id())).getPath());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A valid ID number from its first 17 characters (GB 11643 check character). */
    private static String id(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
