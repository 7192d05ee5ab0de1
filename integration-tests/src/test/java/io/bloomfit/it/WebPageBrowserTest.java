package io.bloomfit.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real browser (Debian's chromium, headless, driven through its chromedriver by Selenium) against
 * the packaged server: the form comes pre-filled with {@code examples/quickstart.yaml}; a user shrinks it to a tiny
 * dataset, first mistypes a hash name and sees the problem with its field path, then submits it, watches it finish
 * and sees the report's charts with data points, the results table and the loss chart, with no console errors.
 */
class WebPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(120);
    /** What the CLI's report writes into its #render-check once its charts are drawn. */
    private static final Pattern RENDER_CHECK =
            Pattern.compile("charts=(\\d+) points=(\\d+) rows=(\\d+) errors=(\\d+)");

    @TempDir
    static Path work;

    private static PackagedServer server;
    private static WebDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, InterruptedException {
        requireBrowser();
        server = PackagedServer.start(work, PackagedServer.env(work.resolve("data"), null));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = new ChromeDriver(service, options);
    }

    /** Fails, naming the packages, where chromium or its driver is missing (CI installs both, see .ci/run). */
    private static void requireBrowser() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: this test drives Debian's chromium through its "
                        + "driver; install both with `apt-get install -y chromium chromium-driver` (.ci/run does)");
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void submitTheQuickstartWatchItFinishAndSeeItsCharts() throws IOException {
        browser.get(server.request("/").build().uri().toString());
        WebDriverWait wait = waitUpTo(Duration.ofSeconds(20));
        String quickstart = Files.readString(examples().resolve("quickstart.yaml"), StandardCharsets.UTF_8);
        WebElement spec = browser.findElement(By.id("spec"));
        wait.until(d -> quickstart.equals(spec.getDomProperty("value")));

        String tiny = tiny(quickstart);
        type(spec, tiny.replace("hash: [xxh64, murmur3_32]", "hash: [xxh64, xxhash]"));
        browser.findElement(By.id("submit-spec")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#submit-result .problem")));
        assertThat(problem.getAttribute("data-status")).isEqualTo("400");
        assertThat(problem.getText()).contains("grid.hash[1]").contains("xxhash");

        type(spec, tiny);
        browser.findElement(By.id("submit-spec")).click();
        String id = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submitted")))
                .getAttribute("data-id");
        waitUpTo(FINISH_TIMEOUT).until(ExpectedConditions.textToBe(By.id("detail-status"),
                "finished"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#experiments tbody tr[data-id='" + id + "']"),
                "data-status", "finished"));

        assertThat(browser.findElements(By.cssSelector("#events li[data-event='epoch']")))
                .as("epoch events the live view received over SSE").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#events li[data-event='point-finished']")))
                .as("point-finished events the live view received").isNotEmpty();

        wait.until(d -> !d.findElements(By.cssSelector("#results tbody tr.result")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr.result"));
        assertThat(rows).as("one row per grid point of the quickstart grid").hasSizeGreaterThan(5);
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("ok"));
        wait.until(d -> Integer.parseInt(d.findElement(By.id("loss-chart")).getAttribute("data-points")) > 0);
        long trained = rows.stream().filter(r -> !r.getText().startsWith("popularity")
                && !r.getText().startsWith("random")).count();
        assertThat(trained).as("the popularity and random reference rows are not trained").isEqualTo(rows.size() - 2);
        assertThat(browser.findElements(By.cssSelector("#loss-chart circle.point")))
                .as("loss chart: two epochs per trained grid point").hasSize((int) (2 * trained));

        browser.switchTo().frame(browser.findElement(By.id("report")));
        WebElement check = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("render-check")));
        wait.until(d -> RENDER_CHECK.matcher(check.getAttribute("textContent")).find());
        Matcher drawn = RENDER_CHECK.matcher(check.getAttribute("textContent"));
        assertThat(drawn.find()).isTrue();
        assertThat(Integer.parseInt(drawn.group(1))).as("charts").isEqualTo(4);
        assertThat(Integer.parseInt(drawn.group(2))).as("data points in the charts").isPositive();
        assertThat(Integer.parseInt(drawn.group(3))).as("summary table rows").isPositive();
        assertThat(Integer.parseInt(drawn.group(4))).as("script errors in the report").isZero();
        browser.switchTo().defaultContent();

        assertThat(((JavascriptExecutor) browser).executeScript("return window.bloomfitErrors"))
                .as("script errors on the page").asList().isEmpty();
        assertThat(consoleErrors()).as("browser console errors").isEmpty();
    }

    /** A wait that looks again when the page replaced what it found (the list is redrawn every 2 s). */
    private static WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The quickstart shrunk to a size a test can afford: a small synthetic dataset, the pure-Java trainer with its
     * sparse Adam, two epochs; the grid stays as the example has it.
     */
    private static String tiny(String quickstart) {
        String tiny = replaceLine(quickstart, "(?m)^  preset: .*$", "  users: 120\n  items: 80\n  interactions: 2400");
        tiny = replaceLine(tiny, "(?m)^  epochs: .*$", "  epochs: 2");
        tiny = replaceLine(tiny, "(?m)^  dimension: .*$", "  dimension: 8");
        tiny = replaceLine(tiny, "(?m)^  optimizer: .*$", "  optimizer: sparse-adam");
        return replaceLine(tiny, "(?m)^trainer: .*$", "trainer: {name: cpu}");
    }

    private static String replaceLine(String text, String regex, String replacement) {
        String replaced = text.replaceFirst(regex, replacement);
        assertThat(replaced).as("examples/quickstart.yaml has a line matching " + regex).isNotEqualTo(text);
        return replaced;
    }

    /** Types the whole spec into the editor, as a user pasting it would. */
    private static void type(WebElement editor, String text) {
        editor.clear();
        editor.sendKeys(text);
        assertThat(editor.getDomProperty("value")).isEqualTo(text);
    }

    /** Console errors, except the one the deliberately bad spec caused (the browser logs every 4xx answer). */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains("/api/experiments") && m.contains("status of 400")))
                .toList();
    }

    static Path examples() {
        return Reactor.findRoot(Path.of("")).resolve("examples");
    }
}
