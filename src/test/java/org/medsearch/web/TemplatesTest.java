package org.medsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.util.HtmlEscaper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web templates as the server renders them (models built by {@link PageController} from real results
 * over the mini corpus, so they cannot drift from it), checked for what a user (or an attacker) would see.
 */
class TemplatesTest {

    private static final String HOSTILE_QUERY = "pains\"><img src=x onerror=alert(2)>";
    /** Matches every mini-corpus article, so that one result a page gives several pages. */
    private static final String WIDE = "asthma calcium ankle pains";
    private static final List<String> KIND_IDS = List.of("overview", "causes", "symptoms", "examination",
            "diagnosis", "treatment", "prevention", "complications", "outlook", "genetics", "other");

    @Test
    void escapesEverythingExceptTheHighlightedSnippet() throws Exception {
        String html = page("/?q=" + enc(HOSTILE_QUERY));

        assertTrue(html.contains("&lt;script&gt;"), "markup in article text is shown as text");
        assertFalse(html.contains("<script>"), "article text must not become a script element");
        assertFalse(html.contains("<img src=x"), "hostile query must not become markup");
        assertTrue(html.contains("Growing <mark>pains</mark> are aching legs"), "snippet keeps its <mark> tags");
    }

    @Test
    void templatesContainNoInlineScriptsStylesOrEventHandlers() throws IOException {
        Pattern inlineCode = Pattern.compile(
                "<script(?![^>]*\\bsrc=)|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
        Pattern rawOutput = Pattern.compile("\\{\\{\\{\\s*([^}]*?)\\s*}}}|\\{\\{&\\s*([^}]*?)\\s*}}");
        List<Path> files = templateFiles();
        assertTrue(files.size() >= 3, "templates found: " + files);

        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher inline = inlineCode.matcher(text);
            if (inline.find()) {
                fail(file.getFileName() + " has inline code: " + inline.group());
            }
            Matcher raw = rawOutput.matcher(text);
            while (raw.find()) {
                String key = raw.group(1) != null ? raw.group(1) : raw.group(2);
                fail(file.getFileName() + " outputs unescaped " + key + " (snippets are marked by the template itself)");
            }
        }
    }

    @Test
    void everyPageRendersBalancedMarkupWithTheSharedAssets() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", page("/"));
        pages.put("results", page("/?q=" + enc(WIDE) + "&size=1&page=2"));
        pages.put("no results", page("/?q=zzxqv+qqzzx&section=causes"));
        pages.put("article", page("/articles/clinic/asthma?q=asthma"));
        pages.put("error", errorPage("/articles/clinic/" + enc("<nope>")));

        for (var page : pages.entrySet()) {
            String html = page.getValue();
            assertBalanced(page.getKey(), html);
            assertTrue(html.contains("href=\"/static/style.css\""), page.getKey() + " links the stylesheet");
            assertTrue(html.contains("src=\"/static/app.js\" defer"), page.getKey() + " loads app.js deferred");
            assertTrue(html.contains("href=\"/static/favicon.svg\""), page.getKey() + " has the favicon");
            assertTrue(html.contains("name=\"q\" type=\"search\""), page.getKey() + " has a search box");
            assertTrue(html.contains("it is not medical advice"), page.getKey() + " shows the disclaimer");
        }
    }

    @Test
    void everyStaticFileTheTemplatesReferenceExists() throws IOException, URISyntaxException {
        Path publicDir = Path.of(TemplatesTest.class.getResource("/public").toURI());
        Pattern staticRef = Pattern.compile("/static/([\\w./-]+)");
        for (Path file : templateFiles()) {
            Matcher m = staticRef.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                assertTrue(Files.isRegularFile(publicDir.resolve(m.group(1))), file.getFileName() + " refers to missing " + m.group());
            }
        }
    }

    @Test
    void homePageOffersAFocusedSearchBoxExamplesAndTips() throws Exception {
        String html = page("/");

        assertTrue(html.contains("autofocus"), "search box is focused on arrival");
        assertTrue(html.contains("action=\"/\" method=\"get\""), "works without JavaScript");
        assertTrue(html.contains("href=\"/?q=causes%3Acalcium\""), "example searches are links");
        assertTrue(html.contains("Search tips"));
        assertFalse(html.contains("class=\"hits\""), "no result list before a search");
        assertEquals(KIND_IDS.size(), count(html, "name=\"section\""), "one filter checkbox per section kind");
    }

    @Test
    void resultsLinkToTheBestSectionAndPaginate() throws Exception {
        JsonNode api = json("/api/search?q=" + enc(WIDE) + "&section=overview&size=1&page=2");
        assertTrue(api.get("total").asInt() >= 4, "the mini corpus has four articles with an overview: " + api);
        String html = page("/?q=" + enc(WIDE) + "&section=overview&size=1&page=2");
        String base = "/?q=" + enc(WIDE) + "&section=overview&size=1&page=";

        assertTrue(html.contains("value=\"" + WIDE + "\""), "search box keeps the query");
        assertTrue(html.contains(api.get("total").asInt() + " articles"), "shows the number of articles");
        JsonNode hit = api.at("/hits/0");
        String sectionHref = "/articles/" + hit.get("id").asText() + "?q=" + enc(WIDE) + "#" + hit.at("/sections/0/anchor").asText();
        assertTrue(html.contains("<a " + href(sectionHref) + ">" + hit.get("title").asText() + "</a>"),
                "title links to the best section");
        assertTrue(html.contains("class=\"hit-section-link\" " + href(sectionHref) + ">"), "each matching section heading is a link");
        assertTrue(html.contains("class=\"badge kind-overview\">Overview<"), "kind badges are shown");
        assertTrue(html.contains("rel=\"prev\" " + href(base + 1)), "previous page link");
        assertTrue(html.contains("rel=\"next\" " + href(base + 3)), "next page link");
        assertTrue(html.contains(href(base + 2) + " aria-current=\"page\""), "current page is marked");
        assertEquals(1, count(html, "aria-current=\"page\""), "only one current page");
        assertEquals(1, count(html, " checked"), "the selected section filter stays ticked");
        assertTrue(html.contains("value=\"overview\" form=\"search-form\" checked"), "a filter in the column belongs to the search form");
    }

    @Test
    void firstPageHasNoPreviousLink() throws Exception {
        String html = page("/?q=" + enc(WIDE) + "&size=1");

        assertFalse(html.contains("rel=\"prev\""));
        assertTrue(html.contains("rel=\"next\""));
    }

    @Test
    void noResultsStateSuggestsWaysForward() throws Exception {
        String html = page("/?q=zzxqv+qqzzx&section=causes");

        // The same search without the section filter, tips, and example searches; no list, no pager.
        for (String shown : List.of("No articles found for “zzxqv qqzzx”", "Check the spelling", "fewer or plainer words",
                "<input type=\"hidden\" name=\"q\" value=\"zzxqv qqzzx\">", "href=\"/?q=asthma+treatment\"")) {
            assertTrue(html.contains(shown), "shows " + shown);
        }
        assertFalse(html.contains("class=\"hits\"") || html.contains("class=\"pager\""));
    }

    @Test
    void noResultsWithoutFilterDoesNotOfferToRemoveIt() throws Exception {
        String html = page("/?q=zzxqv");

        assertTrue(html.contains("No articles found"));
        assertFalse(html.contains("Remove the section filter"));
    }

    @Test
    void articlePageHasContentsAndAnAnchorOnEverySection() throws Exception {
        JsonNode article = json("/api/articles/clinic/asthma");
        String html = page("/articles/clinic/asthma?q=asthma");

        for (JsonNode section : article.get("sections")) {
            String anchor = section.get("anchor").asText();
            assertTrue(html.contains("<section id=\"" + anchor + "\""), "section " + anchor + " has its id");
            assertTrue(html.contains("<li><a href=\"#" + anchor + "\">"), "contents link to " + anchor);
        }
        assertEquals(article.get("sections").size(), count(html, "<section id="));
        assertTrue(html.contains("On this page"));
        assertTrue(html.contains(href("/?q=asthma")), "back to results");
        assertTrue(html.contains("value=\"asthma\""), "header search box keeps the query");
        assertTrue(html.contains("Also called:"));
        assertTrue(html.contains("<span class=\"alias\">bronchial asthma</span>"));
        assertTrue(html.contains("View original page"));
    }

    @Test
    void articlePageWithoutQueryOrAliasesHasNeitherBackLinkNorAliases() throws Exception {
        String html = page("/articles/wiki/growing-pains");

        assertTrue(html.contains("&lt;script&gt;alert("), "paragraph text is escaped");
        assertFalse(html.contains("Back to results"));
        assertFalse(html.contains("Also called"));
    }

    @Test
    void errorPageShowsStatusTitleAndMessage() throws Exception {
        String html = errorPage("/articles/clinic/" + enc("<nope>"));

        assertTrue(html.contains("Error 404"));
        assertTrue(html.contains("<h1 class=\"error-title\">Page not found</h1>"));
        assertTrue(html.contains("no article with id &#39;clinic/&lt;nope&gt;&#39;"), "the message, escaped");
        assertTrue(html.contains("<title>Page not found – medsearch</title>"));
    }

    // ---------- pages and checks ----------

    /** A page of the shared mini-corpus server, which must answer 200. */
    private static String page(String pathAndQuery) throws Exception {
        return page(pathAndQuery, 200);
    }

    private static String errorPage(String pathAndQuery) throws Exception {
        return page(pathAndQuery, 404);
    }

    private static String page(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> r = TestServer.shared().get(pathAndQuery);
        assertEquals(status, r.statusCode(), pathAndQuery);
        return r.body();
    }

    private static JsonNode json(String pathAndQuery) throws Exception {
        return TestServer.shared().json(pathAndQuery, 200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Path> templateFiles() throws IOException {
        try {
            Path dir = Path.of(TemplatesTest.class.getResource("/templates").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".mustache")).sorted().toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An href attribute as mustache writes it: HTML-escaped, so '=' and '&' become entities. */
    private static String href(String url) {
        StringWriter out = new StringWriter();
        HtmlEscaper.escape(url, out);
        return "href=\"" + out + "\"";
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static final Set<String> VOID_ELEMENTS = Set.of("meta", "link", "input", "br", "img", "hr", "source", "wbr");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>");

    /** A cheap well-formedness check: a broken mustache section usually leaves a tag unclosed. */
    private static void assertBalanced(String page, String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (VOID_ELEMENTS.contains(name) || !m.group(3).isEmpty()) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertEquals(open.isEmpty() ? "(nothing)" : open.peek(), name, page + ": closing </" + name + "> at " + m.start());
                open.pop();
            }
        }
        assertTrue(open.isEmpty(), page + ": unclosed " + open);
    }
}
