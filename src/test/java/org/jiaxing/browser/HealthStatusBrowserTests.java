package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.person.TestPersons;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A tracer finds a visitor by ID number and sets them RED with a reason, on a desktop screen. */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthStatusBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired Persons persons;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aTracerSetsAVisitorRed() {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of("tracer-browser", "流调员李明", password, Role.TRACER));
        PersonDetails visitor = PersonDetails.of("欧阳娜娜", TestPersons.phone(), TestPersons.idNumber());
        persons.registerOrUpdate(visitor);
        Page page = browser.newPage(false);

        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", "tracer-browser");
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.click("nav >> text=健康状态");
        page.fill("#q", visitor.idNumber());
        page.click("form[action$='/search'] button[type=submit]");

        assertThat(page.locator("#current-status")).containsText("绿码");
        assertThat(page.locator("body")).not().containsText(visitor.idNumber());
        page.check("input[name=colour][value=RED]");
        page.fill("#reason", "密接，病例 7 于 3 月 1 日同时在平湖大润发");
        page.fill("#until", "2099-03-15T08:00");
        page.click("form[action$='/status'] button[type=submit]");

        assertThat(page.locator(".alert-ok")).hasText("状态已更新");
        assertThat(page.locator("#current-status")).containsText("红码");
        assertThat(page.locator("#current-status")).containsText("请勿进入场所");
        assertThat(page.locator("#history")).containsText("密接，病例 7");
        assertThat(page.locator("#trail")).containsText("更改健康状态");
        assertThat(page.locator("#trail")).containsText("按证件号或手机号查找");
        Browser.screenshot(page, "health-status-person");
    }
}
