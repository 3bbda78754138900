package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser tests' browser: Debian's headless Chromium through its chromedriver ($CHROMEDRIVER, $CHROMIUM).
 * Without chromedriver the calling tests are skipped, unless STAGGER_BROWSER_TESTS=required (as CI sets it).
 */
public final class HeadlessChromium {
    private static final Path CHROMEDRIVER = Paths.get(System.getenv().getOrDefault("CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use WebDriver only. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium");

    private HeadlessChromium() {}

    /** Aborts the calling test (or fails it, where browser tests are required) when there is no chromedriver. */
    public static void assumeInstalled() {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            boolean required = "required".equals(System.getenv("STAGGER_BROWSER_TESTS"));
            assertThat(required).as("STAGGER_BROWSER_TESTS=required, but there is no chromedriver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)").isFalse();
            Assumptions.abort("no chromedriver at " + CHROMEDRIVER + ": the browser tests are skipped "
                    + "(apt-get install chromium chromium-driver, or set CHROMEDRIVER)");
        }
    }

    /** A headless browser with its profile under profileParent; the caller quits it. */
    public static WebDriver start(Path profileParent) throws IOException {
        assumeInstalled();
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(profileParent.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
