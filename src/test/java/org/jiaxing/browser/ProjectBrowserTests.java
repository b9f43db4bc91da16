package org.jiaxing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.project.ProjectDemoData;
import org.jiaxing.project.ProjectDemoData.Person;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.domain.NewProject;
import org.jiaxing.project.domain.Project;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.ProjectTime;
import org.jiaxing.project.domain.SiteCodes;
import org.jiaxing.support.Browser;
import org.jiaxing.support.BrowserTest;
import org.jiaxing.support.MutableClock;
import org.jiaxing.support.MutableClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A day of key-project supervision as people click it: the official scans the site code and posts a photo
 * report; the owner raises a problem in the channel; the supervision office assigns it to a department;
 * the department resolves it; the morning sheet shows it; a project turns red when a deadline passes.
 * Also takes the README screenshots of the progress table and a project page (docs/img).
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class ProjectBrowserTests {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired ProjectDemoData demo;
    @Autowired ProjectService projects;
    @Autowired SiteCodes sites;
    @Autowired ProjectTime time;
    @Autowired MutableClock clock;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    record Login(String username, String password, long id, String name) {
    }

    Login account(String username, String name, Role role) {
        String password = Passwords.generate();
        long id = accounts.create(NewStaffAccount.of(username, name, password, role));
        return new Login(username, password, id, name);
    }

    @Test
    void aDayOfKeyProjectSupervision() throws Exception {
        Login official = account("official", "农开区 朱振华", Role.PROJECT_MEMBER);
        Login owner = account("owner", "草莓种源中心业主代表 王佳", Role.PROJECT_MEMBER);
        Login leader = account("leader", "农开区分管领导 徐卫东", Role.PROJECT_MEMBER);
        Login supervisor = account("supervisor", "督考办 顾明", Role.SUPERVISOR);
        Login housing = account("housing", "住建局 钱立新", Role.DEPARTMENT);
        demo.seed(new ProjectDemoData.People(List.of(person(official), person(leader)), person(leader), person(owner),
                Map.of("HOUSING", person(housing))), 20220314L);
        Project strawberry = projects.all().stream().filter(p -> p.code().equals("NK-001")).findFirst().orElseThrow();

        // the progress table and a project page, as the supervision office sees them (README screenshots)
        Page office = login(supervisor, false);
        office.navigate(url("/projects"));
        assertThat(office.locator("#progress-table tbody tr")).hasCount(60);
        assertThat(office.locator("#progress-table tbody tr").first()).hasAttribute("data-colour", "RED");
        office.selectOption("select[name=colour]", "BLUE");
        assertThat(office.locator("#progress-table tbody tr[data-colour=GREEN]")).hasCount(0);
        assertThat(office.locator("#progress-table tbody tr[data-colour=BLUE]").first()).isVisible();
        office.navigate(url("/projects"));
        readme(office, "projects-table");

        // 1. the official scans the site code on arrival and posts a photo report
        Page phone = login(official, true);
        phone.navigate(url(URI.create(sites.url(strawberry.siteVenueId())).getPath()));
        assertThat(phone.locator(".alert-ok")).containsText("已签到");
        phone.fill("#r-body", "二期大棚钢架安装完成，草莓种苗长势良好");
        phone.fill("#r-plan", "明天开始铺设滴灌管道");
        phone.setInputFiles("#r-files", new FilePayload("大棚.png", "image/png", photo()));
        phone.click("#report button[type=submit]");
        assertThat(phone.locator(".alert-ok")).containsText("现场直播已发布");
        assertThat(phone.locator("#report-timeline li").first()).containsText("二期大棚钢架安装完成");
        assertThat(phone.locator("#report-timeline li").first().locator("img")).hasCount(1);
        assertThat(phone.locator("#visits")).containsText(official.name());
        Browser.screenshot(phone, "project-report-phone");

        office.navigate(url("/projects/" + strawberry.id()));
        assertThat(office.locator("#report-timeline li").first()).containsText("二期大棚钢架安装完成");
        office.setViewportSize(1280, 1800);
        readme(office, "project-page");
        office.setViewportSize(1280, 900);

        // 2. the owner raises a problem from the work channel
        Page ownerPage = login(owner, false);
        ownerPage.navigate(url("/projects/" + strawberry.id() + "/channel"));
        ownerPage.fill("#m-body", "二期大棚 10kV 线路迟迟未排期，影响设备安装，请协调");
        ownerPage.click("#channel-form button[type=submit]");
        assertThat(ownerPage.locator("#messages li").first()).containsText("10kV 线路迟迟未排期");
        ownerPage.locator("#messages li").first().locator("summary").click();
        ownerPage.locator("#messages li").first().locator("input[name=title]").fill("二期大棚用电线路未排期");
        ownerPage.locator("#messages li").first().locator("select[name=category]").selectOption("UTILITIES");
        ownerPage.locator("#messages li").first().locator("form.to-problem button").click();
        assertThat(ownerPage.locator("#problem-status")).hasAttribute("data-status", "RAISED");
        String problemUrl = ownerPage.url();

        // 3. the supervision office assigns it to a department, due today
        office.navigate(url("/problems"));
        assertThat(office.locator("#problem-table")).containsText("二期大棚用电线路未排期");
        office.navigate(problemUrl);
        office.check("#assign-form input[value=HOUSING]");
        office.fill("#a-deadline", time.today().toString());
        office.fill("#a-instruction", "请住建局当日协调供电公司排期");
        office.fill("#a-oral", "分管领导 徐卫东");
        office.click("#assign-form button[type=submit]");
        assertThat(office.locator("#problem-status")).hasAttribute("data-status", "ASSIGNED");

        // 4. the department starts and resolves it
        Page department = login(housing, false);
        department.navigate(url("/problems"));
        assertThat(department.locator("#problem-table")).containsText("二期大棚用电线路未排期");
        department.navigate(problemUrl);
        department.click("#start-form button");
        assertThat(department.locator("#problem-status")).hasAttribute("data-status", "IN_PROGRESS");
        department.fill("#resolve-note", "已与供电公司确认，下周一进场施工");
        department.click("#resolve-form button");
        assertThat(department.locator("#problem-status")).hasAttribute("data-status", "RESOLVED");

        // 5. the morning sheet shows it (due today, not yet verified)
        office.navigate(url("/morning"));
        office.click("#generate");
        assertThat(office.locator("#sheet-problems")).containsText("二期大棚用电线路未排期");
        assertThat(office.locator("#sheet-problems")).containsText("今日到期");
        assertThat(office.locator("#sheet-projects tr").nth(1)).hasClass(java.util.regex.Pattern.compile("row-RED"));
        Browser.screenshot(office, "project-morning");
        office.navigate(problemUrl);
        office.click("#verify-form button");
        assertThat(office.locator("#problem-status")).hasAttribute("data-status", "CLOSED");

        // 6. a project's colour changes when a deadline passes
        long fresh = projects.create(new NewProject("NK-900", "广陈镇农机服务中心", "广陈农机专业合作社", official.id(),
                official.name(), "guangchen", "农开区", ProjectType.AGRICULTURAL, 1500, time.today(),
                time.today().plusDays(90), "广陈镇港中路 18 号"), "test");
        office.navigate(url("/projects/" + fresh));
        assertThat(office.locator("#project-colour")).hasAttribute("data-colour", "GREEN");
        clock.advance(Duration.ofDays(11));
        office.reload();
        assertThat(office.locator("#project-colour")).hasAttribute("data-colour", "RED");
        assertThat(office.locator("#colour-history li").first()).containsText("红码");
    }

    private static Person person(Login login) {
        return new Person(login.id(), login.name());
    }

    private Page login(Login login, boolean phone) {
        Page page = browser.newPage(phone);
        page.navigate(url("/login"));
        page.fill("#username", login.username());
        page.fill("#password", login.password());
        page.click("button[type=submit]");
        page.waitForURL(url("/"));
        return page;
    }

    /**
     * Viewport-sized screenshot into target/screenshots; with {@code -Djiaxing.docs.screenshots=true} also into
     * docs/img (shown in the README), so a normal run leaves the working tree clean.
     */
    private static void readme(Page page, String name) throws Exception {
        Path shot = Browser.SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
        Path docs = Path.of("docs", "img");
        if (Boolean.getBoolean("jiaxing.docs.screenshots") && Files.isDirectory(docs)) {
            Files.copy(shot, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 170, 90));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.fillArc(40, 60, 240, 200, 0, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
