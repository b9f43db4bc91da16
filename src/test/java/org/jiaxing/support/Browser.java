package org.jiaxing.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright (no browser download: {@code /usr/bin/chromium}).
 * One per test class; close it in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JIAXING_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Whether Chromium is installed; browser tests are skipped locally without it and fail under CI. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    public static Browser launch() {
        return new Browser();
    }

    /** A fresh, isolated browser profile (cookies, storage) with a desktop or phone viewport. */
    public Page newPage(boolean phone) {
        NewContextOptions options = new NewContextOptions().setLocale("zh-CN");
        if (phone) {
            options.setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        } else {
            options.setViewportSize(1280, 900);
        }
        BrowserContext context = chromium.newContext(options);
        return context.newPage();
    }

    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
