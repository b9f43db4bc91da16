package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void staffLogInOnAPhoneAndSwitchToEnglish() {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of("phone-admin", "沈建国", password, Role.CITY_ADMIN));
        Page page = browser.newPage(true);

        page.navigate("http://localhost:" + port + "/");
        assertThat(page.locator("h1")).hasText("工作人员登录");
        page.fill("#username", "phone-admin");
        page.fill("#password", "wrong password!");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert-error")).isVisible();

        page.fill("#username", "phone-admin");
        page.fill("#password", password);
        page.click("button[type=submit]");
        assertThat(page.locator("h1")).containsText("沈建国");
        Browser.screenshot(page, "home-phone");

        page.click("a.lang");
        assertThat(page.locator("h1")).containsText("Welcome");
    }
}
