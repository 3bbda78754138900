package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.Color;

/**
 * The page of a key that is not linearizable, in a real browser (headless Chromium): the suite's stale-read lin-kv
 * node makes an invalid run, and its page draws the longest linearizable prefix (numbered operations, their
 * linearization points joined by a line), the operation whose completion cannot be passed, and the operations that
 * cannot be placed. Skipped without chromedriver unless STAGGER_BROWSER_TESTS=required.
 */
class LinearizabilityPageBrowserTest {
    @TempDir
    static Path temp;

    private static WebDriver browser;
    private static JsonNode key;
    private static Path page;

    @BeforeAll
    static void anInvalidRunAndABrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        HarnessRun.assumePython();
        HarnessRun run = HarnessRun.run(temp.resolve("store"), "-w", "lin-kv", "--bin", HarnessRun.pythonNode("kv.py"),
                "--node-args", "--stale", "--node-count", "3", "--time-limit", "2", "--rate", "60", "--key-count", "1");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        key = Json.MAPPER.readTree(run.directory().resolve("results.json").toFile()).path("workload").path("keys")
                .path("0");
        assertThat(key.path("page").asText()).isEqualTo("linearizability/key-0.html");
        assertThat(run.output()).contains("key 0: not linearizable; longest linearizable prefix",
                run.directory().resolve("linearizability/key-0.html").toString());
        page = run.directory().resolve(key.path("page").asText());
        browser = HeadlessChromium.start(temp);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePartialLinearizationIsDrawnInOrderWithItsPoints() {
        browser.get(page.toUri().toString());
        int prefix = key.path("linearized-prefix").size();
        List<WebElement> linearized = browser.findElements(By.cssSelector("g.op.linearized"));
        assertThat(linearized).hasSize(prefix);
        assertThat(prefix).isPositive();
        assertThat(browser.findElements(By.cssSelector("circle.point"))).hasSize(prefix);
        if (prefix > 1) {
            assertThat(browser.findElements(By.cssSelector("polyline.linearization"))).hasSize(1);
        }
        WebElement first = browser.findElement(By.cssSelector("g.op.linearized[data-order='1']"));
        assertThat(first.getAttribute("data-index")).isEqualTo(key.path("linearized-prefix").get(0).path("index").asText());
        assertThat(Color.fromString(first.findElement(By.tagName("rect")).getCssValue("fill")).asHex())
                .as("a linearized operation is drawn green").isEqualTo("#b7e1b0");
        WebElement stuck = browser.findElement(By.cssSelector("g.op.stuck"));
        assertThat(stuck.getAttribute("data-index")).isEqualTo(key.path("stuck-index").asText());
        assertThat(stuck.getAttribute("data-describe")).contains(key.path("stuck-at").asText());
        assertThat(browser.findElements(By.cssSelector("#prefix tr"))).hasSize(prefix + 1);
        assertThat(browser.findElements(By.cssSelector("#unplaceable li"))).hasSize(key.path("unplaceable").size());
    }

    @Test
    void theSliderStepsThroughTheLinearizationAndHoverDescribesAnOperation() {
        browser.get(page.toUri().toString());
        ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('step'); s.value = 1;"
                + " s.dispatchEvent(new Event('input'));");
        assertThat(browser.findElements(By.cssSelector("circle.point")).stream().filter(WebElement::isDisplayed))
                .hasSize(1);
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1");
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("g.op.stuck rect"))).perform();
        assertThat(browser.findElement(By.id("details")).getText()).contains("its completion cannot be passed");
    }
}
