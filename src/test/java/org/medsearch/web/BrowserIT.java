package org.medsearch.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1200,900",
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

    @BeforeEach
    void desktopSize() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
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
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
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
}
