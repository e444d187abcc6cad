package org.medsearch.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page as a person uses it, in a real headless Chromium driven by Selenium: typing with
 * suggestions, results, facets, the article view, 'did you mean' and a phone-sized screen. Saves
 * screenshots of each state under target/screenshots. Skips, saying so, on a machine without Chromium; fails
 * when Chromium is there but cannot be driven, so that it never passes having run nothing.
 */
class BrowserIT {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @TempDir
    static Path dir;
    static TestServer server;
    /** A second server over MedQuAD, started by the first test that needs it. */
    static TestServer medquad;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(chromiumInstalled(), "no Chromium on this machine: skipping the browser tests "
                + "(apt-get install chromium chromium-driver; .ci/run does this when it can)");
        // With Chromium installed, running no browser test would pass silently: anything missing is a failure.
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is installed but not as " + CHROMIUM + ": the browser tests cannot run");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "Chromium is installed but " + CHROMEDRIVER
                + " is not (apt-get install chromium-driver): the browser tests cannot run");
        server = TestServer.shared();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1280,800",
                "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (medquad != null) {
            medquad.close();
        }
    }

    /** True when a Chromium binary is at the expected path or on the PATH under one of its usual names. */
    static boolean chromiumInstalled() {
        if (Files.isExecutable(CHROMIUM)) {
            return true;
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                if (!folder.isEmpty() && Files.isExecutable(Paths.get(folder, name))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The MedQuAD server (indexed once, lexical only: tens of seconds); skips visibly without ../shared. */
    static synchronized TestServer medquad() throws Exception {
        Path corpus = TestCorpus.requireShared("medquad/corpus");
        if (medquad == null) {
            medquad = TestServer.start(corpus, dir.resolve("medquad"));
        }
        return medquad;
    }

    /** A LiveQA dev question as its asker wrote it (subject and message). */
    static String liveQa(String qid) throws Exception {
        Path file = TestCorpus.requireShared("medquad/liveqa-dev-queries.tsv");
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(qid + "\t"))
                .map(l -> l.substring(l.indexOf('\t') + 1)).findFirst().orElseThrow();
    }

    static void screen(int width, int height, boolean mobile) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The element's box in the viewport: left, top, right, bottom. */
    @SuppressWarnings("unchecked")
    static Map<String, Number> box(WebElement e) {
        return (Map<String, Number>) js("const r = arguments[0].getBoundingClientRect();"
                + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};", e);
    }

    static double viewportHeight() {
        return ((Number) js("return window.innerHeight")).doubleValue();
    }

    @BeforeEach
    void desktopSize() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        screen(1280, 800, false);
    }

    static void open(String pathAndQuery) {
        browser.get(server.uri(pathAndQuery).toString());
    }

    static void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void typingShowsSuggestionsThatTheKeyboardCanPick() throws Exception {
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("asth");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=listbox]")));
        assertEquals("true", box.getAttribute("aria-expanded"));
        assertEquals(list.getAttribute("id"), box.getAttribute("aria-controls"));
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertEquals("Asthma", options.get(0).getText());
        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(0).getAttribute("aria-selected"));
        assertEquals("Asthma", box.getAttribute("value"));
        screenshot("suggestions");
        box.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q=Asthma"));
        assertEquals("Asthma", wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hit-title a"))).getText());
    }

    @Test
    void escapeClosesTheSuggestionsAndKeepsWhatWasTyped() {
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("calc");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=listbox]")));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=listbox]")));
        assertEquals("false", box.getAttribute("aria-expanded"));
        assertEquals("calc", box.getAttribute("value"));
    }

    @Test
    void searchShowsHighlightedResultsWithBadgesTotalAndTime() throws Exception {
        open("/?q=calcium");
        List<WebElement> hits = browser.findElements(By.cssSelector(".hit"));
        assertTrue(hits.size() >= 2);
        assertFalse(browser.findElements(By.cssSelector(".snippet mark")).isEmpty(), "matched words are highlighted");
        assertTrue(browser.findElement(By.cssSelector(".result-stats")).getText().matches(".*\\d+ articles? · \\d+ ms"));
        assertFalse(hits.get(0).findElements(By.cssSelector(".badges .badge")).isEmpty(), "kinds of matching sections");
        screenshot("results");
    }

    @Test
    void choosingASourceFiltersTheResultsAndTheUrlAndBackUndoesIt() throws Exception {
        open("/?q=calcium");
        int before = browser.findElements(By.cssSelector(".hit")).size();
        WebElement chip = browser.findElement(By.cssSelector("input[name=source][value='Test Clinic']"));
        chip.click();
        wait.until(ExpectedConditions.urlContains("source=Test+Clinic"));
        List<WebElement> sources = browser.findElements(By.cssSelector(".hit-source"));
        assertFalse(sources.isEmpty());
        sources.forEach(s -> assertEquals("Test Clinic", s.getText()));
        assertTrue(sources.size() < before, "the other source's articles are gone");
        assertTrue(browser.findElement(By.cssSelector("input[name=source][value='Test Clinic']")).isSelected());
        screenshot("facets");
        browser.navigate().back();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("source=")));
        assertEquals(before, browser.findElements(By.cssSelector(".hit")).size());
    }

    @Test
    void openingASectionLandsOnItInTheArticle() throws Exception {
        open("/?q=calcium");
        WebElement link = browser.findElement(By.cssSelector(".hit-section-link"));
        String href = link.getAttribute("href");
        String anchor = java.net.URLDecoder.decode(href.substring(href.indexOf('#') + 1), java.nio.charset.StandardCharsets.UTF_8);
        link.click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        wait.until(d -> anchor.equals(js("return document.activeElement && document.activeElement.id")));
        wait.until(d -> (Boolean) js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return r.top >= 0 && r.top < window.innerHeight / 2;", anchor));
        assertFalse(browser.findElements(By.cssSelector(".toc-list a[aria-current=location]")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector(".external-link")).isEmpty(), "link to the original page");
        assertFalse(browser.findElements(By.cssSelector(".related-list a")).isEmpty(), "related articles");
        screenshot("article");
    }

    @Test
    void didYouMeanLinkSearchesTheCorrection() throws Exception {
        open("/?q=astma");
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-did-you-mean] a")));
        assertEquals("asthma", link.getText());
        screenshot("did-you-mean");
        link.click();
        wait.until(ExpectedConditions.urlContains("q=asthma"));
        assertTrue(browser.findElements(By.cssSelector("[data-did-you-mean]")).isEmpty());
        assertEquals("Asthma", browser.findElement(By.cssSelector(".hit-title a")).getText());
    }

    @Test
    void noResultsShowsTheCorrectionsResults() {
        open("/?q=anle");
        assertTrue(browser.findElement(By.cssSelector("[data-corrected]")).getText().contains("ankle"));
        assertFalse(browser.findElements(By.cssSelector(".hit")).isEmpty());
    }

    @Test
    void resultsFitAPhoneScreen() throws Exception {
        screen(375, 667, true);
        open("/?q=calcium");
        assertEquals(375L, ((Number) js("return window.innerWidth")).longValue());
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scrollWidth <= 375, "no sideways scrolling: page is " + scrollWidth + " px wide");
        WebElement box = browser.findElement(By.id("q"));
        assertTrue(box.isDisplayed() && box.getRect().getWidth() > 150, "search box usable");
        screenshot("phone");
    }

    @Test
    void tabStartsAtTheSkipLinkAndFocusStaysVisible() {
        open("/?q=calcium");
        // The first tab stop is the skip link; after it, the search box.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("skip-link", js("return document.activeElement.className"));
        WebElement active = browser.switchTo().activeElement();
        active.sendKeys(Keys.TAB);
        active = browser.switchTo().activeElement();
        active.sendKeys(Keys.TAB);
        Object outline = js("const s = getComputedStyle(document.activeElement);"
                + "return s.outlineStyle !== 'none' || s.boxShadow !== 'none'"
                + " || getComputedStyle(document.activeElement.parentElement).boxShadow !== 'none';");
        assertEquals(Boolean.TRUE, outline, "focused element " + js("return document.activeElement.outerHTML"));
    }

    @Test
    void wideScreensShowTheFiltersInAColumnBesideTheResults() throws Exception {
        open("/?q=calcium");
        WebElement column = browser.findElement(By.cssSelector(".filters-column"));
        WebElement firstHit = browser.findElement(By.cssSelector(".hit"));
        WebElement source = browser.findElement(By.cssSelector("input[name=source][value='Test Clinic']"));
        assertTrue(source.findElement(By.xpath("..")).isDisplayed(), "the source filters are shown without a click");
        assertFalse(browser.findElement(By.cssSelector(".filters-toggle")).isDisplayed(), "no 'Filters' button needed");
        assertTrue(box(column).get("right").doubleValue() <= box(firstHit).get("left").doubleValue(), "the filters are left of the results");
        assertTrue(box(column).get("top").doubleValue() < box(firstHit).get("bottom").doubleValue(), "beside them, not above");
        assertTrue(box(firstHit).get("top").doubleValue() < 250, "the first result starts near the top: " + box(firstHit));
    }

    @Test
    void phonesKeepTheFiltersBehindAFiltersButton() throws Exception {
        screen(375, 667, true);
        open("/?q=calcium");
        WebElement toggle = browser.findElement(By.cssSelector(".filters-toggle"));
        WebElement chip = browser.findElement(By.cssSelector("input[name=section][value=causes]")).findElement(By.xpath(".."));
        assertTrue(toggle.isDisplayed());
        assertEquals("Filters", toggle.getText().strip());
        assertFalse(chip.isDisplayed(), "the filters wait behind the button");
        WebElement firstTitle = browser.findElement(By.cssSelector(".hit-title"));
        assertTrue(box(firstTitle).get("bottom").doubleValue() <= viewportHeight(), "first result on the first screen");
        toggle.click();
        wait.until(ExpectedConditions.visibilityOf(chip));
        screenshot("phone-filters");
        chip.click();
        wait.until(ExpectedConditions.urlContains("section=causes"));
        assertTrue(browser.findElement(By.cssSelector(".filters-active")).getText().contains("1"), "the button says a filter is on");
    }

    @Test
    void resultPagesAreNumbered() {
        open("/?q=calcium&size=1");
        List<WebElement> pages = browser.findElements(By.cssSelector(".pager-page"));
        assertTrue(pages.size() >= 3, "one link per page: " + pages.size());
        assertEquals("1", browser.findElement(By.cssSelector(".pager-page[aria-current=page]")).getText());
        pages.get(1).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        assertEquals("2", browser.findElement(By.cssSelector(".pager-page[aria-current=page]")).getText());
        assertTrue(browser.findElement(By.cssSelector(".result-stats")).getText().contains("page 2 of"));
        assertFalse(browser.findElements(By.cssSelector(".pager-prev")).isEmpty());
    }

    @Test
    void eachArticleSectionHasACopyLinkControl() throws Exception {
        open("/?q=calcium");
        browser.findElement(By.cssSelector(".hit-title a")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        List<WebElement> sections = browser.findElements(By.cssSelector(".article-section"));
        List<WebElement> links = browser.findElements(By.cssSelector(".article-section .copy-link"));
        assertEquals(sections.size(), links.size(), "one control per section");
        String origin = "http://127.0.0.1:" + server.port();
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement last = sections.get(sections.size() - 1);
        WebElement copy = last.findElement(By.cssSelector(".copy-link"));
        js("arguments[0].scrollIntoView({block: 'center'})", copy);
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElement(copy, "Link copied"));
        String path = (String) js("return location.pathname");
        Object copied = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertEquals(origin + path + "#" + last.getAttribute("id"), copied, "the section's link, without the search");
        screenshot("copy-link");
    }

    @Test
    void aLongQuestionShowsItsFirstResultOnTheFirstScreen() throws Exception {
        TestServer mq = medquad();
        String question = liveQa("7");
        for (int[] size : new int[][] {{1280, 800}, {375, 667}}) {
            screen(size[0], size[1], size[0] < 500);
            browser.get("http://127.0.0.1:" + mq.port() + "/?q=" + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8));
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hit-title")));
            assertTrue(box(title).get("bottom").doubleValue() <= viewportHeight(),
                    size[0] + "x" + size[1] + ": the first result's title ends at " + box(title).get("bottom"));
            for (WebElement didYouMean : browser.findElements(By.cssSelector("[data-did-you-mean] a"))) {
                assertTrue(didYouMean.getText().length() < 60, "'did you mean' names the corrected words, not the whole question: "
                        + didYouMean.getText());
            }
            screenshot(size[0] < 500 ? "medquad-phone" : "medquad-results");
        }
    }

    @Test
    void manySourcesShowTheTopFewAndTheRestBehindMore() throws Exception {
        TestServer mq = medquad();
        browser.get("http://127.0.0.1:" + mq.port() + "/?q=" + java.net.URLEncoder.encode(liveQa("7"), java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> shown = browser.findElements(By.cssSelector(".filters-source > .chips input[name=source]"));
        assertEquals(PageController.TOP_SOURCES, shown.size());
        WebElement more = browser.findElement(By.cssSelector(".more-sources > summary"));
        assertTrue(more.getText().matches("\\d+ more sources?"), more.getText());
        List<WebElement> hidden = browser.findElements(By.cssSelector(".more-sources input[name=source]"));
        assertFalse(hidden.isEmpty());
        assertFalse(hidden.get(0).findElement(By.xpath("..")).isDisplayed());
        js("arguments[0].scrollIntoView({block: 'center'})", more);
        more.click();
        wait.until(ExpectedConditions.visibilityOf(hidden.get(0).findElement(By.xpath(".."))));
    }

    @Test
    void searchedForNamesWordsCorrectionsAndSynonymsNeverStems() throws Exception {
        TestServer mq = medquad();
        String question = liveQa("29");
        browser.get("http://127.0.0.1:" + mq.port() + "/?q=" + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8));
        WebElement understood = browser.findElement(By.cssSelector("[data-understood]"));
        String words = understood.findElement(By.cssSelector(".understood-words")).getText();
        List<String> corrected = understood.findElements(By.cssSelector(".understood-correction")).stream()
                .map(e -> e.getText().replaceFirst(".*→\\s*", "").strip().toLowerCase(java.util.Locale.ROOT)).toList();
        String asked = question.toLowerCase(java.util.Locale.ROOT);
        for (String word : words.split("\\s+")) {
            String w = word.replaceAll("^\"|\"$", "").toLowerCase(java.util.Locale.ROOT);
            assertTrue(asked.contains(w) || corrected.contains(w), "'" + w + "' is neither typed nor a named correction: " + words);
        }
        assertTrue(understood.getText().contains("Diahrrea") || understood.getText().contains("diahrrea"), understood.getText());
        assertTrue(corrected.stream().anyMatch(c -> c.startsWith("diarrh")), "the correction is named: " + understood.getText());
    }

    @Test
    void theApiPageShowsEveryOperationFromTheDocument() throws Exception {
        open("/api/docs");
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(30));
        slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
        List<WebElement> operations = browser.findElements(By.cssSelector(".swagger-ui .opblock"));
        assertTrue(operations.size() >= 10, "one block per operation: " + operations.size());
        assertTrue(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText().contains("medsearch API"));
        WebElement search = browser.findElement(By.cssSelector("#operations-search-search .opblock-summary"));
        search.click();
        slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#operations-search-search .parameters")));
        assertTrue(browser.findElement(By.cssSelector("#operations-search-search")).getText().contains("size"));
        screenshot("api-docs");
    }
}
