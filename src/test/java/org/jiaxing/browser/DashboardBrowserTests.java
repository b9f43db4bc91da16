package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard on the demo city as the demo logins see it: the CITY_ADMIN sees the whole city with real
 * numbers and drawn charts, the TOWN_ADMIN of 广陈镇 only their town. With
 * {@code -Djiaxing.docs.screenshots=true} it also saves the README screenshot (docs/img/dashboard.png).
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jiaxing.demo.enabled=true")
class DashboardBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired JiaxingProperties properties;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void theCityAdministratorSeesTheWholeCityWithRealNumbers() throws IOException {
        Page page = loggedIn("city");
        page.navigate(url("/dashboard?period=7d"));
        assertThat(page.locator(".dashboard")).hasAttribute("data-charts-ready", "true");
        assertThat(page.locator(".dashboard")).hasAttribute("data-map-ready", "true");
        assertThat(page.locator("#scope-name")).hasText("全市");
        assertThat(number(page.locator("#kpi-active"))).isBetween(4_000L, 4_421L + 60); // 4,421 venues and the 60 key-project sites
        assertThat(number(page.locator("#kpi-medical"))).isBetween(150L, 210L);
        assertThat(number(page.locator("#kpi-scans"))).isGreaterThan(1_000);
        assertThat(number(page.locator("#kpi-refused"))).isEqualTo(4);
        assertThat(number(page.locator("#kpi-compliance"))).isPositive();
        assertThat(page.locator("#coverage-towns tbody tr")).hasCount(9);
        assertThat(page.locator("#heat-table thead th")).hasCount(10);
        assertThat(page.locator("#chart-trend canvas").first()).isVisible();
        assertThat(page.locator("#chart-map canvas").first()).isVisible();
        assertThat(page.locator(".flag-counts")).containsText("短时扫码激增 1");
        assertThat(page.locator(".flag-counts")).containsText("不可能的行程 1");
        assertThat(page.locator(".flag-counts")).containsText("一机多人 1");
        page.waitForTimeout(1500);
        Browser.screenshot(page, "dashboard-city-full");
        Path shot = Browser.SCREENSHOTS.resolve("dashboard.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
        // -Djiaxing.docs.screenshots=true refreshes the README image (a normal run leaves docs/ alone)
        Path docs = Path.of("docs", "img");
        if (Boolean.getBoolean("jiaxing.docs.screenshots") && Files.isDirectory(docs)) {
            Files.copy(shot, docs.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        page.locator("#flags-table a").first().click();
        assertThat(page.locator("#flag-records tbody tr").first()).containsText("*");
        Browser.screenshot(page, "dashboard-flag");
    }

    @Test
    void theTownAdministratorOfGuangchenSeesOnlyTheirTown() {
        Page page = loggedIn("guangchen");
        page.navigate(url("/dashboard?period=7d"));
        assertThat(page.locator(".dashboard")).hasAttribute("data-charts-ready", "true");
        assertThat(page.locator("#scope-name")).hasText("广陈镇");
        assertThat(page.locator("#coverage-towns tbody tr")).hasCount(1);
        assertThat(page.locator("#coverage-towns tbody tr")).containsText("广陈镇");
        assertThat(page.locator("#heat-table thead th")).hasCount(2);
        long townVenues = number(page.locator("#kpi-active"));
        assertThat(townVenues).isBetween(1L, 1_000L);
        for (String town : page.locator("#top-venues tbody td:nth-child(2)").allTextContents()) {
            assertThat(town).isEqualTo("广陈镇");
        }
        assertThat(page.locator(".nav")).not().containsText("密钥");
        Browser.screenshot(page, "dashboard-town");
    }

    @Test
    void theMapTooltipShowsAVenueNameWithMarkupAsText() {
        Page page = loggedIn("city");
        page.navigate(url("/dashboard?period=7d"));
        assertThat(page.locator(".dashboard")).hasAttribute("data-map-ready", "true");
        // the map's own tooltip formatter, given a point whose venue name, category and town are markup
        Object html = page.evaluate("""
                () => {
                  const chart = echarts.getInstanceByDom(document.getElementById('chart-map'));
                  const formatter = chart.getOption().tooltip[0].formatter;
                  return formatter({ data: [121, 30.7, 7, '<img src=x onerror=alert(1)>', '<b>c</b>', `"t'&`] });
                }""");
        assertThat((String) html).isEqualTo(
                "&lt;img src=x onerror=alert(1)&gt;<br>&lt;b&gt;c&lt;/b&gt; · &quot;t&#39;&amp;<br>7");
    }

    private static long number(Locator locator) {
        return Long.parseLong(locator.textContent().replace(",", "").strip());
    }

    private Page loggedIn(String username) {
        Page page = browser.newPage(false);
        page.setViewportSize(1280, 1500);
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password(username));
        page.click("button[type=submit]");
        page.waitForURL(url("/"));
        return page;
    }

    private String password(String username) {
        try {
            return Files.readAllLines(properties.dataDir().resolve("demo-logins.txt")).stream()
                    .map(String::strip).filter(line -> line.startsWith(username + " ")).findFirst().orElseThrow()
                    .split("\\s+")[1];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
