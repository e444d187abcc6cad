package org.medsearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.medsearch.index.Fields;
import org.medsearch.search.Searcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API: reads and validates parameters, calls the {@link Searcher}, writes JSON. */
final class ApiController {
    static final int SUGGESTIONS = 10;
    static final int RELATED = 5;
    private static final int MAX_PREFIX = 100;
    private final Searcher searcher;
    private final WebConfig config;

    ApiController(Searcher searcher, WebConfig config) {
        this.searcher = searcher;
        this.config = config;
    }

    /** {@code GET /api/search?q=&section=&page=&size=}. */
    void search(Context ctx) {
        ctx.json(searcher.search(SearchParams.read(ctx, config, true)));
    }

    /** {@code GET /api/articles/{id}}: the whole cleaned article. */
    void article(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(searcher.article(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
    }

    /** {@code GET /api/suggest?q=prefix}: up to 10 completions, as {@code {"query", "suggestions": [...]}}. */
    void suggest(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        // Completions are for the first words of a search: a long text gets none rather than an error.
        List<String> suggestions = q.isBlank() || q.length() > MAX_PREFIX ? List.of() : searcher.suggest(q, SUGGESTIONS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q);
        body.put("suggestions", suggestions);
        ctx.json(body);
    }

    /** {@code GET /api/articles/{id}/related}: the articles most like this one. */
    void related(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(searcher.related(id, RELATED).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
    }

    /** {@code GET /health}: answers once the index is open. */
    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        Map<String, String> stats = searcher.stats();
        body.put("articles", Long.parseLong(stats.getOrDefault(Fields.COMMIT_ARTICLES, "0")));
        body.put("sections", Long.parseLong(stats.getOrDefault(Fields.COMMIT_SECTIONS, "0")));
        ctx.json(body);
    }
}
