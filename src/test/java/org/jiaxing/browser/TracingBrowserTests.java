package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tracer's flow: a visitor scans in at a market where a case was; a tracer opens an investigation and
 * sees masked contacts; a second tracer approves the reveal; the first sees the name, applies; the visitor's
 * next scan shows red with the message, and "my records" shows who looked them up.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracingBrowserTests {

    static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static Browser browser;

    @LocalServerPort int port;
    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory venues;
    @Autowired VenueCodes codes;
    @Autowired Persons persons;
    @Autowired CheckinRecorder recorder;
    @Autowired StaffAccounts accounts;
    @Autowired Clock clock;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void openRevealWithASecondTracerApplyAndTheNextScanIsRed() {
        registry.upsertAll(List.of(new VenueDraft("PH-T001", "当湖街道胜利路菜市场", "FARMERS_MARKET", "danghu",
                "浙江省平湖市当湖街道胜利路 218 号", 121.0121, 30.6988, "陆建明", "13857312345", "05:00-18:00", 2500)));
        Venue market = venues.findByCode("PH-T001").orElseThrow();
        PersonDetails theCase = TestPersons.details("病例甲");
        long caseId = persons.registerOrUpdate(theCase).id();
        // the case came 20 minutes ago and has not checked out: there for 45 minutes (dwell) by the rules
        recorder.record(NewCheckin.scan(caseId, market.id(), clock.instant().minus(Duration.ofMinutes(20))));

        Page phone = browser.newPage(true);
        phone.navigate(scanUrl(market));
        phone.fill("#name", "沈美华");
        String visitorPhone = TestPersons.phone();
        phone.fill("#phone", visitorPhone);
        phone.fill("#idNumber", TestPersons.idNumber());
        phone.check("input[name=consent]");
        phone.click("button[type=submit]");
        assertThat(phone.locator("#status-panel")).hasAttribute("data-colour", "GREEN");

        Page tracer = login("tracer-one", "疾控流调 张伟");
        tracer.click("nav >> text=精准追溯");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = clock.instant();
        tracer.fill("#reason", "病例甲 核酸阳性");
        tracer.fill("#cases", theCase.phone() + ", " + FORM.format(now.minus(Duration.ofDays(2)).atZone(zone)) + ", "
                + FORM.format(now.plus(Duration.ofDays(1)).atZone(zone)));
        tracer.click("#open-investigation");

        assertThat(tracer.locator("#counts [data-level=CLOSE] strong")).hasText("1");
        assertThat(tracer.locator("#contacts")).containsText("沈*华");
        assertThat(tracer.locator("body")).not().containsText("沈美华");
        assertThat(tracer.locator("body")).not().containsText(visitorPhone);
        assertThat(tracer.locator("#risk-venues")).containsText("胜利路 218 号");
        String investigation = tracer.url();
        tracer.fill("#reveal-reason", "电话通知密接居家");
        tracer.click("#request-reveal");
        assertThat(tracer.locator("#reveal-state")).containsText("等待批准");
        assertThat(tracer.locator("#approve-reveal")).hasCount(0);
        Browser.screenshot(tracer, "tracing-result-masked");

        Page second = login("tracer-two", "疾控流调 王芳");
        second.navigate(investigation);
        second.click("#approve-reveal");
        assertThat(second.locator("#reveal-state")).containsText("tracer-two");
        assertThat(second.locator("#show-revealed")).hasCount(0);

        tracer.reload();
        tracer.click("#show-revealed");
        assertThat(tracer.locator("#revealed")).containsText("沈美华");
        assertThat(tracer.locator("#revealed")).containsText(visitorPhone);
        Browser.screenshot(tracer, "tracing-revealed");
        tracer.navigate(investigation);
        tracer.click("#apply-statuses");
        assertThat(tracer.locator("#applied")).containsText("已赋码 1 人");

        phone.navigate(scanUrl(market));
        assertThat(phone.locator("#status-panel")).hasAttribute("data-colour", "RED");
        assertThat(phone.locator(".visitor-message")).containsText("精准追溯");
        Browser.screenshot(phone, "tracing-next-scan-red");
        phone.navigate(url("/me"));
        assertThat(phone.locator(".visitor-message")).containsText("红码");
        assertThat(phone.locator(".accesses")).containsText("流调人员（平湖市）查看了您的姓名和电话");
        assertThat(phone.locator(".accesses")).not().containsText("张伟");
    }

    private Page login(String username, String name) {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of(username, name, password, Role.TRACER));
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
}
