package org.medsearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.medsearch.search.Searcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API: reads and validates parameters, calls the {@link Searcher}, writes JSON. */
final class ApiController {
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

    /** {@code GET /health}: answers once the index is open. */
    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        Map<String, String> stats = searcher.stats();
        body.put("articles", Long.parseLong(stats.getOrDefault("articles", "0")));
        body.put("sections", Long.parseLong(stats.getOrDefault("sections", "0")));
        ctx.json(body);
    }
}
