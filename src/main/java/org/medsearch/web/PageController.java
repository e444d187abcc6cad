package org.medsearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.SectionKind;
import org.medsearch.search.RelatedArticle;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Searcher;
import org.medsearch.search.query.Understanding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The server-rendered pages: search at {@code /} and the article view; works without JavaScript. */
final class PageController {
    private final Searcher searcher;
    private final WebConfig config;
    private final Templates templates;

    PageController(Searcher searcher, WebConfig config, Templates templates) {
        this.searcher = searcher;
        this.config = config;
        this.templates = templates;
    }

    /** {@code GET /?q=&section=&page=}: the home page, or a page of results. */
    void search(Context ctx) {
        SearchRequest request = SearchParams.read(ctx, config, false);
        Map<String, Object> model = new HashMap<>();
        model.put("q", request.query());
        boolean hasQuery = !request.query().isBlank();
        model.put("hasQuery", hasQuery);
        model.put("kinds", kindOptions(request.kinds(), null));
        if (hasQuery) {
            SearchResults results = searcher.search(request);
            model.put("results", results(request, results));
            model.put("kinds", kindOptions(request.kinds(), results.facets().kind()));
            model.put("sources", sourceOptions(request.sources(), results.facets().source()));
            model.put("hasSources", !results.facets().source().isEmpty() || !request.sources().isEmpty());
        }
        ctx.html(templates.render("search", model));
    }

    /** {@code GET /articles/{id}?q=}: the whole cleaned article with its sections. */
    void article(Context ctx) {
        String id = ctx.pathParam("id");
        Article article = searcher.article(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("backHref", q.isBlank() ? null : "/?q=" + enc(q));
        model.put("article", articleModel(article));
        List<Map<String, Object>> related = new ArrayList<>();
        for (RelatedArticle r : searcher.related(id, ApiController.RELATED).orElse(List.of())) {
            related.add(Map.of("title", r.title(), "source", r.source(),
                    "href", "/articles/" + encPath(r.id()) + (q.isBlank() ? "" : "?q=" + enc(q))));
        }
        model.put("related", related);
        model.put("hasRelated", !related.isEmpty());
        ctx.html(templates.render("article", model));
    }

    /** An error page with the search box. */
    String error(int status, String title, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("title", title);
        model.put("message", message);
        model.put("q", "");
        return templates.render("error", model);
    }

    private Map<String, Object> results(SearchRequest request, SearchResults results) {
        Map<String, Object> m = new HashMap<>();
        int pages = (int) Math.min((results.total() + request.size() - 1) / request.size(),
                SearchRequest.MAX_WINDOW / request.size());
        m.put("total", results.total());
        m.put("totalLabel", String.format("%,d %s", results.total(), results.total() == 1 ? "article" : "articles"));
        m.put("tookMs", results.tookMs());
        m.put("page", request.page());
        m.put("pages", pages);
        m.put("empty", results.hits().isEmpty());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchResults.ArticleHit hit : results.hits()) {
            hits.add(hitModel(results.query(), hit));
        }
        m.put("hits", hits);
        m.put("prevHref", request.page() > 1 ? pageHref(request, request.page() - 1) : null);
        m.put("nextHref", request.page() < pages ? pageHref(request, request.page() + 1) : null);
        List<Map<String, Object>> links = new ArrayList<>();
        int first = Math.max(1, request.page() - 4);
        int last = Math.min(pages, first + 8);
        for (int n = first; n <= last && pages > 1; n++) {
            links.add(Map.of("n", n, "href", pageHref(request, n), "current", n == request.page()));
        }
        m.put("pageLinks", links);
        Understanding u = results.understood();
        if (u != null && !u.terms().isEmpty()) {
            Map<String, Object> um = new HashMap<>();
            um.put("focusText", String.join(", ", u.focus()));
            um.put("hasFocus", !u.focus().isEmpty());
            um.put("asksText", String.join(", ", u.asks()));
            um.put("hasAsks", !u.asks().isEmpty());
            um.put("termsText", String.join(" ", u.terms()));
            m.put("understood", um);
        }
        // What was read otherwise than typed, and a search cut short by its deadline, are said above the results.
        m.put("notes", u == null ? List.of() : u.notes());
        m.put("partial", results.partial());
        if (results.correctedFrom() != null) {
            m.put("correctedFrom", results.correctedFrom());
            m.put("correctedTo", results.query());
        } else if (results.suggestion() != null) {
            m.put("suggestion", results.suggestion());
            m.put("suggestionHref", pageHref(request.withQuery(results.suggestion()), 1));
        }
        return m;
    }

    private static Map<String, Object> hitModel(String query, SearchResults.ArticleHit hit) {
        Map<String, Object> h = new HashMap<>();
        h.put("id", hit.id());
        h.put("title", hit.title());
        h.put("source", hit.source());
        h.put("url", hit.url());
        String base = "/articles/" + encPath(hit.id()) + "?q=" + enc(query);
        List<Map<String, Object>> sections = new ArrayList<>();
        Map<String, Map<String, Object>> kinds = new LinkedHashMap<>();
        for (SearchResults.SectionHit s : hit.sections()) {
            String label = SectionKind.fromId(s.kind()).map(SectionKind::label).orElse(s.kind());
            Map<String, Object> sm = new HashMap<>();
            // A section headed with the article's own name would repeat the title: name its kind instead.
            sm.put("heading", s.heading().equalsIgnoreCase(hit.title()) ? label : s.heading());
            sm.put("kind", s.kind());
            sm.put("kindLabel", label);
            sm.put("href", base + "#" + encFragment(s.anchor()));
            sm.put("snippetHtml", s.snippet());
            sections.add(sm);
            kinds.putIfAbsent(s.kind(), Map.of("id", s.kind(), "label", label));
        }
        h.put("href", sections.isEmpty() ? base : sections.get(0).get("href"));
        h.put("sections", sections);
        h.put("kinds", new ArrayList<>(kinds.values()));
        return h;
    }

    private static Map<String, Object> articleModel(Article article) {
        Map<String, Object> a = new HashMap<>();
        a.put("id", article.id());
        a.put("title", article.title());
        a.put("url", article.url());
        a.put("source", article.source());
        a.put("aliases", article.aliases());
        a.put("hasAliases", !article.aliases().isEmpty());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (var s : article.units()) {
            Map<String, Object> sm = new HashMap<>();
            sm.put("heading", s.heading());
            sm.put("anchor", s.anchor());
            sm.put("kind", s.kind().id());
            sm.put("kindLabel", s.kind().label());
            sm.put("paragraphs", Arrays.stream(s.text().split("\\n+")).map(String::strip).filter(p -> !p.isEmpty()).toList());
            sections.add(sm);
        }
        a.put("sections", sections);
        return a;
    }

    /** Kind chips; with counts (and kinds without matches left out) on a results page. */
    private static List<Map<String, Object>> kindOptions(Set<SectionKind> selected, Map<String, Long> counts) {
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (SectionKind k : SectionKind.values()) {
            Long count = counts == null ? null : counts.get(k.id());
            if (counts != null && count == null && !selected.contains(k)) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            m.put("id", k.id());
            m.put("label", k.label());
            m.put("selected", selected.contains(k));
            m.put("count", counts == null ? null : String.format("%,d", count == null ? 0 : count));
            kinds.add(m);
        }
        return kinds;
    }

    /** Source chips with counts, biggest first; a chosen source stays even when it matches nothing. */
    private static List<Map<String, Object>> sourceOptions(Set<String> selected, Map<String, Long> counts) {
        List<Map<String, Object>> sources = new ArrayList<>();
        counts.forEach((name, n) -> sources.add(Map.of("name", name, "selected", selected.contains(name),
                "count", String.format("%,d", n))));
        for (String name : selected) {
            if (!counts.containsKey(name)) {
                sources.add(Map.of("name", name, "selected", true, "count", "0"));
            }
        }
        return sources;
    }

    private static String pageHref(SearchRequest request, int page) {
        StringBuilder href = new StringBuilder("/?q=").append(enc(request.query()));
        if (!request.kinds().isEmpty()) {
            href.append("&section=").append(enc(String.join(",", request.kinds().stream().map(SectionKind::id).sorted().toList())));
        }
        for (String source : request.sources()) {
            href.append("&source=").append(enc(source));
        }
        if (request.size() != 10) {
            href.append("&size=").append(request.size());
        }
        return href.append("&page=").append(page).toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Percent-encodes each segment of an article id used as a path. */
    static String encPath(String id) {
        return Arrays.stream(id.split("/", -1)).map(PageController::encFragment).collect(java.util.stream.Collectors.joining("/"));
    }

    private static String encFragment(String anchor) {
        return enc(anchor).replace("+", "%20");
    }
}
