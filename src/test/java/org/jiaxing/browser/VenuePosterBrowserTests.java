package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import javax.imageio.ImageIO;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
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
 * The "done means" walk: log in, find a venue, open its poster, scan the poster's QR code and
 * land on the venue's public page; and a town admin who only ever sees their own town.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VenuePosterBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired VenueRegistry registry;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @BeforeEach
    void pinghuVenues() {
        registry.upsertAll(List.of(
                new VenueDraft("PH-0001", "平湖市第一人民医院", "MEDICAL", "danghu", "浙江省平湖市当湖街道新华南路 368 号",
                        121.0149, 30.6923, "徐丽华", "0573-85013811", "00:00-23:59", 3800),
                new VenueDraft("PH-0002", "当湖街道胜利路菜市场", "FARMERS_MARKET", "danghu", "浙江省平湖市当湖街道胜利路 218 号",
                        121.0121, 30.6988, "陆建明", "13857312345", "05:00-18:00", 2500),
                new VenueDraft("PH-4001", "广陈镇山塘村文化礼堂", "CULTURAL_HALL", "guangchen", "浙江省平湖市广陈镇山塘村 3 组 12 号",
                        121.1201, 30.7953, "沈美芳", "13957388765", "08:00-20:00", 120)));
    }

    @Test
    void cityAdminFindsAVenuePrintsItsPosterAndThePosterCodeOpensTheVenue() throws Exception {
        Page page = loggedIn("city-browser", Role.CITY_ADMIN, null, false);

        page.navigate(url("/venues"));
        page.fill("#venue-q", "第一人民医院");
        page.locator("#venue-q").press("Enter");
        assertThat(page.locator("#venue-results tbody tr")).hasCount(1);
        Browser.screenshot(page, "venue-list");

        page.click("text=平湖市第一人民医院");
        assertThat(page.locator("h1")).containsText("平湖市第一人民医院");
        Browser.screenshot(page, "venue-detail");

        page.click("a[href$='/poster']");
        assertThat(page.locator("body")).containsText("请扫码登记");
        Browser.screenshot(page, "venue-poster");

        URI scanned = URI.create(decodeQr(page.screenshot(new Page.ScreenshotOptions().setFullPage(true))));
        assertThat(scanned.getPath()).startsWith("/c/");

        Page phone = browser.newPage(true);
        phone.navigate(url(scanned.getPath()));
        assertThat(phone.locator("body")).containsText("平湖市第一人民医院");
        Browser.screenshot(phone, "scan-phone");
    }

    @Test
    void townAdminOnlySeesTheirTown() {
        Page page = loggedIn("gc-browser", Role.TOWN_ADMIN, "guangchen", false);

        page.navigate(url("/venues"));
        assertThat(page.locator("#venue-results tbody tr")).hasCount(1);
        assertThat(page.locator("#venue-results")).containsText("山塘村文化礼堂");
        assertThat(page.locator("#venue-results")).not().containsText("第一人民医院");
    }

    private Page loggedIn(String username, Role role, String town, boolean phone) {
        String password = Passwords.generate();
        NewStaffAccount account = NewStaffAccount.of(username, "测试 " + username, password, role);
        accounts.create(town == null ? account : account.inTown(town));
        Page page = browser.newPage(phone);
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        assertThat(page.locator("h1")).containsText("欢迎");
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String decodeQr(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText(); // QR only: a 1D reader once misread the poster
    }
}
