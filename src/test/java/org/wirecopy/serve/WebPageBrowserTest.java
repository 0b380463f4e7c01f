package org.wirecopy.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at / in a real headless Chromium (Debian packages chromium and chromium-driver; .ci/run installs them):
 * pastes docs/examples/sample-post.txt, submits, and checks the label shown for every paragraph, the shares, the
 * uncertain marks, an explanation opened from the keyboard, a download, and the phone layout. Screenshots go to
 * target/serve-page.png and target/serve-page-phone.png.
 */
class WebPageBrowserTest {

    static WirecopyServer server;
    static WebDriver driver;
    static Path downloads;

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        assumeTrue(chromium.isPresent() && chromedriver.isPresent(), "the browser test needs Debian's chromium and "
                + "chromium-driver on PATH: apt-get install -y --no-install-recommends chromium chromium-driver "
                + "(.ci/run installs them)");
        server = WirecopyServer.start(ServeConfig.builder().port(0).accessLog(false).build(), "bundled",
                Classifier::loadDefault);
        ServerApiTest.awaitReady(new Http(server.port()));
        downloads = TestData.root().resolve("target/serve-downloads");
        Files.createDirectories(downloads);
        try (var old = Files.list(downloads)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2600", "--lang=en-US");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void pastedSamplePostShowsEveryLabelTheSharesAndExplanations() throws Exception {
        String sample = Files.readString(TestData.root().resolve("docs/examples/sample-post.txt"),
                StandardCharsets.UTF_8);
        ClassifiedArticle expected = Classifier.loadDefault().classify(sample,
                org.wirecopy.text.InputFormat.AUTO);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        assertEquals("wirecopy: who wrote each paragraph?", driver.getTitle());
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys(sample);
        assertEquals(sample.strip(), input.getAttribute("value").strip(), "the textarea holds the pasted post");
        driver.findElement(By.id("classify")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#paragraphs > li")).size() == ServerApiTest.SAMPLE_LABELS
                .size());

        List<WebElement> items = driver.findElements(By.cssSelector("#paragraphs > li"));
        List<String> shown = new ArrayList<>();
        for (WebElement li : items) {
            String label = li.findElement(By.className("para-label")).getText();
            assertEquals(label, li.getAttribute("data-label"));
            assertTrue(li.getAttribute("class").contains("label-" + label), "highlighted by its label");
            assertEquals(3, li.findElements(By.cssSelector(".scores .bar")).size(), "a bar per label");
            shown.add(label);
        }
        assertEquals(ServerApiTest.SAMPLE_LABELS, shown);
        assertTrue(items.get(3).findElement(By.className("para-text")).getText().startsWith("PELHAM SOUND"));

        for (Map.Entry<String, Double> e : expected.characterShares().entrySet()) {
            String text = driver.findElement(By.cssSelector("#shares li[data-label='" + e.getKey() + "'] .value"))
                    .getText();
            double percent = Double.parseDouble(text.replace("%", ""));
            assertEquals(100 * e.getValue(), percent, 0.05 + 1e-9, e.getKey() + " share shown as " + text);
        }
        for (ClassifiedParagraph p : expected.paragraphs()) {
            boolean marked = items.get(p.index()).getAttribute("class").contains("uncertain");
            assertEquals(p.confidence() < 0.6, marked, "uncertain mark of paragraph " + p.index());
            assertEquals(marked, !items.get(p.index()).findElements(By.className("uncertain-mark")).isEmpty());
        }

        WebElement why = items.get(3).findElement(By.className("why"));
        why.sendKeys(Keys.ENTER); // keyboard, not mouse
        wait.until(d -> !items.get(3).findElements(By.className("explanation")).isEmpty());
        String explanation = items.get(3).findElement(By.className("explanation")).getText();
        assertTrue(explanation.contains("toward REPORTING"), explanation);
        assertTrue(explanation.contains(":"), "features are named like cue:dateline: " + explanation);
        assertEquals("true", why.getAttribute("aria-expanded"));

        driver.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("wirecopy.csv");
        wait.until(d -> Files.exists(csv) && csv.toFile().length() > 0);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("index,label,score_REPORTING,score_COMMENTARY,score_BOILERPLATE,uncertain,start,end,text",
                rows.get(0));
        assertTrue(rows.get(3).startsWith("2,BOILERPLATE,"), rows.get(3));
        driver.findElement(By.id("download-jsonl")).click();
        Path jsonl = downloads.resolve("wirecopy.jsonl");
        wait.until(d -> Files.exists(jsonl) && jsonl.toFile().length() > 0);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(ServerApiTest.SAMPLE_LABELS.size(), lines.size());
        assertEquals("REPORTING", Http.JSON.readTree(lines.get(4)).get("label").asText());

        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Path shot = TestData.root().resolve("target/serve-page.png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000);

        driver.manage().window().setSize(new Dimension(390, 1800));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "no sideways scrolling on a phone-sized window: "
                + overflow + " px too wide");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                TestData.root().resolve("target/serve-page-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void paragraphsBelowTheChosenConfidenceAreMarkedUncertain() throws Exception {
        String sample = Files.readString(TestData.root().resolve("docs/examples/sample-post.txt"),
                StandardCharsets.UTF_8);
        double min = 0.9999;
        List<Integer> expected = new ArrayList<>();
        for (ClassifiedParagraph p : Classifier.loadDefault().classify(sample).paragraphs()) {
            if (p.confidence() < min) expected.add(p.index());
        }
        assertFalse(expected.isEmpty(), "the threshold should leave some paragraphs below it");
        driver.get("http://127.0.0.1:" + server.port() + "/");
        driver.findElement(By.id("input")).sendKeys(sample);
        WebElement field = driver.findElement(By.id("min-confidence"));
        field.clear();
        field.sendKeys(String.valueOf(min));
        driver.findElement(By.id("classify")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#paragraphs > li")).size() == ServerApiTest.SAMPLE_LABELS.size());
        List<Integer> marked = new ArrayList<>();
        for (WebElement li : driver.findElements(By.cssSelector("#paragraphs > li.uncertain"))) {
            assertTrue(li.findElement(By.className("uncertain-mark")).getText().contains("uncertain"));
            marked.add(Integer.parseInt(li.getAttribute("data-index")));
        }
        assertEquals(expected, marked);
    }

    @Test
    void aChosenHtmlFileIsReadAsHtmlAndLabelled() throws Exception {
        Path html = TestData.root().resolve("target/serve-downloads/post.html");
        Files.writeString(html, "<html><body><h1>Ferries again</h1><p>Advertisement</p><blockquote><p>PELHAM SOUND "
                + "\u2014 The county board voted 4-1 on Tuesday to renew the ferry contract, officials said.</p>"
                + "</blockquote><p>I will be watching the July numbers.</p><script>var hidden = 1;</script></body>"
                + "</html>", StandardCharsets.UTF_8);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        driver.findElement(By.id("file")).sendKeys(html.toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#paragraphs > li")).size() == 4);
        assertEquals("html", driver.findElement(By.id("format")).getAttribute("value"));
        List<String> texts = new ArrayList<>();
        for (WebElement p : driver.findElements(By.cssSelector("#paragraphs .para-text"))) texts.add(p.getText());
        assertEquals("Ferries again", texts.get(0));
        assertEquals("Advertisement", texts.get(1));
        assertFalse(String.join(" ", texts).contains("hidden"), "script content is not a paragraph");
        assertEquals("BOILERPLATE", driver.findElements(By.cssSelector("#paragraphs > li")).get(1)
                .getAttribute("data-label"));
    }

    @Test
    void anErrorFromTheServerIsShownNotSwallowed() {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        driver.findElement(By.id("input")).sendKeys("Hello there.");
        WebElement min = driver.findElement(By.id("min-confidence"));
        min.clear();
        min.sendKeys("0.5");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('format').innerHTML ="
                + " '<option value=\"pdf\">pdf</option>';");
        driver.findElement(By.id("input")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Could not"));
        String status = driver.findElement(By.id("status")).getText();
        assertTrue(status.contains("unknown input format 'pdf'"), status);
        assertEquals("alert", driver.findElement(By.id("status")).getAttribute("role"));
        assertFalse(driver.findElement(By.id("results")).isDisplayed());
    }
}
