package io.stagger.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.harness.TestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code bin/stagger serve} in a real browser: headless Chromium through chromedriver, against a server on a store
 * that the test fills with real harness runs (a valid election, an invalid lin-kv, an echo whose node crashed) and
 * one run still going on. Skipped where chromedriver is missing, unless STAGGER_BROWSER_TESTS=required (CI).
 */
class ServeBrowserTest {
    private static final String RUNNING = "29991231T235959.999";
    /** A second run going on, which {@link #aRunningRunShowsAsRunningAndThePageUpdatesWhenItsVerdictIsIn} ends. */
    private static final String ENDING = "29991231T235959.998";

    @TempDir
    static Path temp;

    private static StoreServer server;
    private static WebDriver browser;
    private static String base;
    private static Path electionRun;
    private static Path linKvRun;

    @BeforeAll
    static void storeServerAndBrowser() throws Exception {
        io.stagger.harness.HeadlessChromium.assumeInstalled();
        Assumptions.assumeTrue(python(), "python3 runs the test nodes; it is not on the PATH");
        Path store = temp.resolve("store");
        electionRun = run(store, 0, "-w", "election", "--bin", node("election.py"), "--node-count", "3", "--time-limit",
                "3", "--nemesis", "kill", "--nemesis-interval", "1", "--recovery-time", "1");
        linKvRun = run(store, 1, "-w", "lin-kv", "--bin", node("kv.py"), "--node-args", "--stale", "--node-count", "3",
                "--time-limit", "2", "--rate", "60", "--key-count", "1");
        run(store, 2, "-w", "echo", "--bin", node("misbehave.py"), "--node-args", "--crash", "--node-count", "1",
                "--time-limit", "1");
        for (String id : List.of(RUNNING, ENDING)) {
            Path running = Files.createDirectories(store.resolve("lin-kv").resolve(id));
            Files.createDirectories(running.resolve("node-logs"));
            Files.writeString(running.resolve("harness.log"), "    0.563 nodes initialised\n");
        }

        Path reports = temp.resolve("reports/n4-none-crash");
        Files.createDirectories(reports);
        Files.copy(Path.of("src/test/resources/serve/reports/n4-none-crash/report.md"), reports.resolve("report.md"));
        server = new StoreServer(store, List.of(temp.resolve("reports")), "127.0.0.1", 0);
        server.start();
        base = "http://127.0.0.1:" + server.port();

        browser = io.stagger.harness.HeadlessChromium.start(temp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theIndexListsEveryRunNewestFirstColouredByItsVerdict() {
        browser.get(base + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.run"));
        assertThat(rows).hasSize(5);
        // Newest first: the run that is still going on was named for the year 2999.
        assertThat(rows.get(0).getAttribute("data-run")).isEqualTo("lin-kv/" + RUNNING);
        assertThat(colourOf("running")).isEqualTo("#eaeaea");
        assertThat(colourOf("valid")).isEqualTo("#adf6b0");
        assertThat(colourOf("invalid")).isEqualTo("#f3b3b9");
        assertThat(colourOf("unknown")).isEqualTo("#f3e3b3");
        WebElement election = browser.findElement(By.cssSelector("tr.run.valid"));
        assertThat(election.getText()).contains("election").contains("kill").contains("failovers");
        assertThat(browser.findElement(By.cssSelector("tr.run.invalid")).getText())
                .contains("operations").contains("availability").contains("not linearizable");

        new Select(browser.findElement(By.id("verdict"))).selectByValue("invalid");
        wait(10).until(b -> b.getCurrentUrl().contains("verdict=invalid"));
        assertThat(browser.findElements(By.cssSelector("tr.run"))).extracting(e -> e.getAttribute("class"))
                .isNotEmpty().containsOnly("run invalid");
        browser.get(base + "/?workload=election");
        assertThat(browser.findElements(By.cssSelector("tr.run"))).extracting(e -> e.getAttribute("data-run"))
                .allMatch(run -> run.startsWith("election/")).hasSize(1);
    }

    @Test
    void aRunPageShowsItsPlotsTimelineAndRoles() throws Exception {
        assertThat(electionRun.resolve("timeline.html")).as("the harness writes timeline.html at the end of a run")
                .isRegularFile();
        browser.get(base + "/run/election/" + electionRun.getFileName() + "/");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("valid");
        assertThat(browser.findElement(By.id("command")).getText()).startsWith("bin/stagger test -w election --bin ")
                .contains("--seed 7").contains("--nemesis kill");
        List<WebElement> plots = browser.findElements(By.cssSelector("img.plot"));
        assertThat(plots).extracting(e -> e.getAttribute("src"))
                .anyMatch(src -> src.endsWith("/latency.svg")).anyMatch(src -> src.endsWith("/rate.svg"))
                .anyMatch(src -> src.endsWith("/roles.svg"));
        for (WebElement plot : plots) {
            wait(10).until(b -> loaded(plot));
            assertThat(naturalWidth(plot)).as(plot.getAttribute("src") + " is drawn").isGreaterThan(100);
        }
        browser.switchTo().frame(browser.findElement(By.id("timeline")));
        assertThat(browser.findElements(By.cssSelector(".op.ok"))).hasSizeGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector(".band.fault"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".row .label"))).extracting(WebElement::getText)
                .contains("process 0", "process 1", "process 2");
        browser.switchTo().defaultContent();

        browser.get(base + "/run/election/" + electionRun.getFileName() + "/roles.svg");
        assertThat(browser.getPageSource()).contains("class=\"role master\"").contains("class=\"role killed\"")
                .contains("failover-kill");
    }

    @Test
    void aRunningRunShowsAsRunningAndThePageUpdatesWhenItsVerdictIsIn() throws Exception {
        browser.get(base + "/run/lin-kv/" + ENDING + "/");
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("running");
        assertThat(browser.getPageSource()).contains("nodes initialised");
        Path running = temp.resolve("store/lin-kv").resolve(ENDING);
        try (Stream<Path> files = Files.list(linKvRun)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, running.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        wait(15).until(b -> b.findElement(By.id("verdict")).getText().equals("invalid"));
        assertThat(browser.findElements(By.cssSelector("img.plot"))).isNotEmpty();
    }

    @Test
    void aCounterexampleIsDrawnAsASequenceDiagram() {
        browser.get(base + "/checks");
        WebElement report = browser.findElement(By.cssSelector("tr.report"));
        assertThat(report.getText()).contains("n4-none-crash/report.md").contains("FAIL: NoSpuriousElection");
        assertThat(Color.fromString(report.getCssValue("background-color")).asHex()).isEqualTo("#f3b3b9");
        report.findElement(By.tagName("a")).click();
        WebElement diagram = browser.findElement(By.id("counterexample-1"));
        assertThat(diagram.findElements(By.cssSelector("line.message"))).hasSize(14);
        assertThat(diagram.findElements(By.cssSelector("text.step"))).hasSize(35);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/store/../../../../etc/passwd", "/store/%2e%2e/%2e%2e/etc/passwd",
            "/store/..%2f..%2fetc%2fpasswd", "/store//etc/passwd", "/store/lin-kv/outside/secret.txt",
            "/check-file/0/../../store/lin-kv", "/run/..%2f..%2f/x/", "/run/lin-kv/../../"})
    void requestsForFilesOutsideTheStoreAreRefused(String path) throws Exception {
        Path outside = Files.writeString(temp.resolve("secret.txt"), "secret");
        Path link = temp.resolve("store/lin-kv/outside");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, outside.getParent());
        }
        assertThat(rawStatus(path)).as(path).isEqualTo(404);
    }

    @Test
    void theBrowserGetsNotFoundForATraversalAndTheServerIsReadOnly() throws Exception {
        browser.get(base + "/store/lin-kv/%2e%2e/%2e%2e/secret.txt");
        assertThat(browser.getTitle()).isEqualTo("not found");
        assertThat(rawStatus("/store/lin-kv/" + linKvRun.getFileName() + "/results.json")).isEqualTo(200);
        assertThat(rawRequest("DELETE /store/lin-kv/" + linKvRun.getFileName() + "/results.json")).startsWith(
                "HTTP/1.1 405");
        assertThat(linKvRun.resolve("results.json")).exists();
    }

    private static String colourOf(String verdict) {
        return Color.fromString(browser.findElement(By.cssSelector("tr.run." + verdict)).getCssValue("background-color"))
                .asHex();
    }

    private static boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return arguments[0].complete", image));
    }

    private static long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image))
                .longValue();
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** The status of a GET sent byte for byte, so that no client normalises the path first. */
    private static int rawStatus(String path) throws IOException {
        String reply = rawRequest("GET " + path);
        return Integer.parseInt(reply.substring(9, 12));
    }

    private static String rawRequest(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs `stagger test` in-process; returns the run's directory. */
    private static Path run(Path store, int seed, String... args) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("--store", store.toString(), "--no-progress", "--seed",
                Integer.toString(7 + seed)));
        all.addAll(List.of(args));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            TestCommand.execute(out, all.toArray(String[]::new));
        }
        return store.resolve(args[1]).resolve("latest").toRealPath();
    }

    private static String node(String file) {
        return Paths.get(System.getProperty("harness.nodes", "src/test/resources/nodes")).resolve(file).toAbsolutePath()
                .toString();
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
