package org.medsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.util.HtmlEscaper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Renders the web templates with models shaped like the server's and checks what a user (or an attacker) would see. */
class TemplatesTest {

    private static final String HOSTILE_TITLE = "<script>alert(1)</script>";
    private static final String HOSTILE_QUERY = "cramps\"><img src=x onerror=alert(2)>";
    private static final List<String> KIND_IDS = List.of("overview", "causes", "symptoms", "examination",
            "diagnosis", "treatment", "prevention", "complications", "outlook", "genetics", "other");

    private final MustacheFactory templates = new DefaultMustacheFactory("templates");

    @Test
    void escapesEverythingExceptTheHighlightedSnippet() {
        String html = render("search.mustache", resultsModel(HOSTILE_QUERY, 2, "causes"));

        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile title is shown as text");
        assertFalse(html.contains(HOSTILE_TITLE), "hostile title must not become a script element");
        assertFalse(html.contains("<img src=x"), "hostile query must not become markup");
        assertTrue(html.contains("Nocturnal leg <mark>cramps</mark> are common"), "snippet keeps its <mark> tags");
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
                assertEquals("snippetHtml", key, file.getFileName() + " outputs unescaped " + key);
            }
        }
    }

    @Test
    void everyPageRendersBalancedMarkupWithTheSharedAssets() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", render("search.mustache", homeModel()));
        pages.put("results", render("search.mustache", resultsModel("leg cramps", 2)));
        pages.put("no results", render("search.mustache", emptyResultsModel("zzxqv cramp", "causes")));
        pages.put("article", render("article.mustache", articleModel("leg cramps")));
        pages.put("error", render("error.mustache", errorModel()));

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
    void homePageOffersAFocusedSearchBoxExamplesAndTips() {
        String html = render("search.mustache", homeModel());

        assertTrue(html.contains("autofocus"), "search box is focused on arrival");
        assertTrue(html.contains("action=\"/\" method=\"get\""), "works without JavaScript");
        assertTrue(html.contains("href=\"/?q=causes%3Acalcium\""), "example searches are links");
        assertTrue(html.contains("Search tips"));
        assertFalse(html.contains("class=\"hits\""), "no result list before a search");
        assertEquals(KIND_IDS.size(), count(html, "name=\"section\""), "one filter checkbox per section kind");
    }

    @Test
    void resultsLinkToTheBestSectionAndPaginate() {
        String html = render("search.mustache", resultsModel("leg cramps", 2, "treatment"));

        assertTrue(html.contains("value=\"leg cramps\""), "search box keeps the query");
        assertTrue(html.contains("12 articles"), "shows the number of articles");
        assertTrue(html.contains("<a " + href("/articles/riverside/leg-cramps?q=leg+cramps#causes") + ">Leg cramps in children</a>"),
                "title links to the best section");
        assertTrue(html.contains(href("/articles/riverside/leg-cramps?q=leg+cramps#treatment") + ">How are leg cramps treated?</a>"),
                "each matching section heading is a link");
        assertTrue(html.contains("class=\"badge kind-causes\">Causes<"), "kind badges are shown");
        assertTrue(html.contains("rel=\"prev\" " + href("/?q=leg+cramps&page=1")), "previous page link");
        assertTrue(html.contains("rel=\"next\" " + href("/?q=leg+cramps&page=3")), "next page link");
        assertTrue(html.contains(href("/?q=leg+cramps&page=2") + " aria-current=\"page\""), "current page is marked");
        assertEquals(1, count(html, "aria-current=\"page\""), "only one current page");
        assertEquals(1, count(html, " checked"), "the selected section filter stays ticked");
        assertTrue(html.contains("value=\"treatment\" form=\"search-form\" checked"), "a filter in the column belongs to the search form");
    }

    @Test
    void showsTheServersNoticeAboveTheResults() {
        Map<String, Object> model = resultsModel("leg cramp", 1);
        model.put("message", "Showing results for leg cramps");

        String html = render("search.mustache", model);

        assertTrue(html.contains("<p class=\"notice\" role=\"status\">Showing results for leg cramps</p>"));
        assertTrue(html.indexOf("class=\"notice\"") < html.indexOf("class=\"hits\""));
    }

    @Test
    void firstPageHasNoPreviousLink() {
        String html = render("search.mustache", resultsModel("leg cramps", 1));

        assertFalse(html.contains("rel=\"prev\""));
        assertTrue(html.contains("rel=\"next\""));
    }

    @Test
    void noResultsStateSuggestsWaysForward() {
        String html = render("search.mustache", emptyResultsModel("zzxqv cramp", "causes"));

        assertTrue(html.contains("No articles found for “zzxqv cramp”"));
        assertTrue(html.contains("Check the spelling"));
        assertTrue(html.contains("fewer or plainer words"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"q\" value=\"zzxqv cramp\">"),
                "offers the same search without the section filter");
        assertTrue(html.contains("href=\"/?q=asthma+treatment\""), "offers example searches");
        assertFalse(html.contains("class=\"hits\""));
        assertFalse(html.contains("class=\"pager\""));
    }

    @Test
    void noResultsWithoutFilterDoesNotOfferToRemoveIt() {
        String html = render("search.mustache", emptyResultsModel("zzxqv"));

        assertFalse(html.contains("Remove the section filter"));
    }

    @Test
    void articlePageHasContentsAndAnAnchorOnEverySection() {
        String html = render("article.mustache", articleModel("leg cramps"));

        for (String anchor : List.of("overview", "causes", "treatment")) {
            assertTrue(html.contains("<section id=\"" + anchor + "\""), "section " + anchor + " has its id");
            assertTrue(html.contains("<li><a href=\"#" + anchor + "\">"), "contents link to " + anchor);
        }
        assertEquals(3, count(html, "<section id="));
        assertTrue(html.contains("On this page"));
        assertTrue(html.contains(href("/?q=leg+cramps")), "back to results");
        assertTrue(html.contains("value=\"leg cramps\""), "header search box keeps the query");
        assertTrue(html.contains("Also called:"));
        assertTrue(html.contains("<span class=\"alias\">nocturnal leg cramps</span>"));
        assertTrue(html.contains("View original page"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "paragraph text is escaped");
    }

    @Test
    void articlePageWithoutQueryHasNoBackLinkOrAliases() {
        Map<String, Object> model = articleModel("");
        model.put("backHref", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> article = (Map<String, Object>) model.get("article");
        article.put("aliases", List.of());
        article.put("hasAliases", false);

        String html = render("article.mustache", model);

        assertFalse(html.contains("Back to results"));
        assertFalse(html.contains("Also called"));
    }

    @Test
    void errorPageShowsStatusTitleAndMessage() {
        String html = render("error.mustache", errorModel());

        assertTrue(html.contains("Error 404"));
        assertTrue(html.contains("<h1 class=\"error-title\">Article not found</h1>"));
        assertTrue(html.contains("There is no article riverside/&lt;nope&gt;."));
        assertTrue(html.contains("<title>Article not found – medsearch</title>"));
    }

    // ---------- rendering ----------

    private String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        templates.compile(template).execute(out, model);
        return out.toString();
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

    // ---------- sample models, shaped like the server's (package-private so a preview tool can reuse them) ----------

    static Map<String, Object> homeModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", "");
        model.put("hasQuery", false);
        model.put("kinds", kinds());
        return model;
    }

    static Map<String, Object> resultsModel(String q, int page, String... selected) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("total", 12);
        results.put("tookMs", 3);
        results.put("page", page);
        results.put("pages", 3);
        results.put("empty", false);
        results.put("hits", List.of(
                hit("riverside/leg-cramps", "Leg cramps in children", "Riverside Health Library",
                        List.of(section("What causes leg cramps?", "causes",
                                        "Nocturnal leg <mark>cramps</mark> are common in growing children. Most are caused by tired "
                                                + "muscles, cold, or low <mark>calcium</mark>, and pass within minutes."),
                                section("How are leg cramps treated?", "treatment",
                                        "Gently stretching the calf and massaging the muscle eases most <mark>cramps</mark>. "
                                                + "A warm bath before bed may help prevent them."))),
                hit("gard/restless-legs", HOSTILE_TITLE, "Genetic and Rare Diseases Center",
                        List.of(section("Symptoms", "symptoms",
                                "An urge to move the <mark>legs</mark>, often with aching or <mark>cramps</mark> in the evening."))),
                hit("niams/muscle-cramps", "Muscle cramps", "NIAMS Health Topics",
                        List.of(section("Overview", "overview",
                                        "A muscle <mark>cramp</mark> is a sudden, involuntary tightening of a muscle. "
                                                + "<mark>Leg</mark> muscles are affected most often."),
                                section("Outlook", "outlook", "Most <mark>cramps</mark> are harmless and go away on their own."),
                                section("When to see a doctor", "other",
                                        "See a doctor if <mark>cramps</mark> are severe, happen often, or come with swelling.")))));
        String base = "/?q=" + q.replace(' ', '+');
        results.put("prevHref", page > 1 ? base + "&page=" + (page - 1) : null);
        results.put("nextHref", page < 3 ? base + "&page=" + (page + 1) : null);
        List<Map<String, Object>> pageLinks = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            pageLinks.add(Map.of("n", n, "href", base + "&page=" + n, "current", n == page));
        }
        results.put("pageLinks", pageLinks);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q);
        model.put("hasQuery", true);
        model.put("kinds", kinds(selected));
        model.put("results", results);
        model.put("message", null);
        return model;
    }

    static Map<String, Object> emptyResultsModel(String q, String... selected) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("total", 0);
        results.put("tookMs", 1);
        results.put("page", 1);
        results.put("pages", 0);
        results.put("empty", true);
        results.put("hits", List.of());
        results.put("prevHref", null);
        results.put("nextHref", null);
        results.put("pageLinks", List.of());

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q);
        model.put("hasQuery", true);
        model.put("kinds", kinds(selected));
        model.put("results", results);
        return model;
    }

    static Map<String, Object> articleModel(String q) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", "riverside/leg-cramps");
        article.put("title", "Leg cramps in children");
        article.put("url", "https://health.example.org/library/leg-cramps-in-children");
        article.put("source", "Riverside Health Library");
        article.put("aliases", List.of("nocturnal leg cramps", "growing pains"));
        article.put("hasAliases", true);
        article.put("sections", List.of(
                articleSection("Introduction", "overview", "overview", List.of(
                        "Pediatric leg cramps are sudden, painful tightenings of the muscles in a child's legs, most often the "
                                + "calves and toes. They often happen at night and can wake a child from sleep.",
                        "Most cramps are harmless. They last from a few seconds to a few minutes. " + HOSTILE_TITLE)),
                articleSection("What causes leg cramps?", "causes", "causes", List.of(
                        "Cold: a cold room on a winter night, or legs and feet uncovered during sleep.",
                        "Tiredness: walking or exercising for a long time lets lactic acid build up in the muscles.",
                        "Low calcium, and sleeping in one position for a long time with the feet pressed down.")),
                articleSection("How are leg cramps treated?", "treatment", "treatment", List.of(
                        "Stretch the calf gently: straighten the leg and pull the toes towards the knee. Massage and warmth "
                                + "help the muscle relax.",
                        "If cramps keep coming back or do not improve, see a doctor."))));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q);
        model.put("backHref", q.isEmpty() ? null : "/?q=" + q.replace(' ', '+'));
        model.put("article", article);
        return model;
    }

    static Map<String, Object> errorModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", 404);
        model.put("title", "Article not found");
        model.put("message", "There is no article riverside/<nope>. It may have been removed from the index.");
        return model;
    }

    private static List<Map<String, Object>> kinds(String... selected) {
        List<String> chosen = Arrays.asList(selected);
        return KIND_IDS.stream()
                .map(id -> Map.<String, Object>of("id", id, "label", label(id), "selected", chosen.contains(id)))
                .toList();
    }

    private static String label(String kindId) {
        return Character.toUpperCase(kindId.charAt(0)) + kindId.substring(1);
    }

    private static Map<String, Object> hit(String id, String title, String source, List<Map<String, Object>> sections) {
        String q = "?q=leg+cramps";
        List<Map<String, Object>> linked = sections.stream().map(s -> {
            Map<String, Object> copy = new LinkedHashMap<>(s);
            copy.put("href", "/articles/" + id + q + "#" + s.get("kind"));
            return copy;
        }).toList();
        List<Map<String, Object>> kinds = sections.stream()
                .map(s -> Map.<String, Object>of("id", s.get("kind"), "label", s.get("kindLabel")))
                .distinct()
                .toList();
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("id", id);
        hit.put("title", title);
        hit.put("source", source);
        hit.put("url", "https://health.example.org/" + id);
        hit.put("href", linked.getFirst().get("href"));
        hit.put("kinds", kinds);
        hit.put("sections", linked);
        return hit;
    }

    private static Map<String, Object> section(String heading, String kind, String snippetHtml) {
        return Map.of("heading", heading, "kind", kind, "kindLabel", label(kind), "snippetHtml", snippetHtml);
    }

    private static Map<String, Object> articleSection(String heading, String anchor, String kind, List<String> paragraphs) {
        return Map.of("heading", heading, "anchor", anchor, "kind", kind, "kindLabel", label(kind), "paragraphs", paragraphs);
    }

    /** Writes the sample pages as HTML files into the given folder, for looking at them in a browser. */
    public static void main(String[] args) {
        writePreview(Path.of(args.length > 0 ? args[0] : "target/preview"));
    }

    static void writePreview(Path dir) {
        TemplatesTest t = new TemplatesTest();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home.html", t.render("search.mustache", homeModel()));
        pages.put("search.html", t.render("search.mustache", resultsModel("leg cramps", 2, "causes")));
        pages.put("empty.html", t.render("search.mustache", emptyResultsModel("zzxqv cramp", "causes")));
        pages.put("article.html", t.render("article.mustache", articleModel("leg cramps")));
        pages.put("error.html", t.render("error.mustache", errorModel()));
        try {
            Files.createDirectories(dir);
            for (var page : pages.entrySet()) {
                Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
