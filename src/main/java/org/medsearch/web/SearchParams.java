package org.medsearch.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.medsearch.ingest.SectionKind;
import org.medsearch.search.SearchRequest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and validates the search parameters of a request, once, at the edge. */
final class SearchParams {
    private SearchParams() {
    }

    /** The search a request asks for; throws 400 naming the bad parameter, 414 for an over-long query. */
    static SearchRequest read(Context ctx, WebConfig config, boolean queryRequired) {
        String q = ctx.queryParam("q");
        if (q == null && queryRequired) {
            throw new BadRequestResponse("missing parameter q");
        }
        q = q == null ? "" : q;
        if (q.length() > config.maxQueryChars()) {
            throw new HttpResponseException(HttpStatus.URI_TOO_LONG.getCode(),
                    "query is longer than " + config.maxQueryChars() + " characters", Map.of());
        }
        int page = intParam(ctx, "page", 1);
        int size = intParam(ctx, "size", 10);
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new BadRequestResponse("size must be between 1 and " + SearchRequest.MAX_SIZE);
        }
        if (page < 1) {
            throw new BadRequestResponse("page must be 1 or more");
        }
        if ((long) page * size > SearchRequest.MAX_WINDOW) {
            throw new BadRequestResponse("results are served up to the " + SearchRequest.MAX_WINDOW
                    + "th: page * size must not exceed " + SearchRequest.MAX_WINDOW);
        }
        return new SearchRequest(q, kinds(ctx.queryParams("section")), page, size, sources(ctx.queryParams("source")));
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number, not '" + shorten(v) + "'");
        }
    }

    /** Section kinds from {@code section=a,b} or repeated {@code section} parameters. */
    static Set<SectionKind> kinds(List<String> values) {
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                kinds.add(SectionKind.fromId(part).orElseThrow(() -> new BadRequestResponse(
                        "unknown section kind '" + shorten(part) + "'; expected one of " + knownKinds())));
            }
        }
        return kinds;
    }

    /**
     * Sources from repeated {@code source} parameters. Any name is accepted: an unknown source is not a
     * malformed request, it just matches nothing (sources change with the index, kinds do not).
     */
    static Set<String> sources(List<String> values) {
        Set<String> sources = new java.util.TreeSet<>();
        for (String value : values) {
            if (!value.isBlank() && value.length() <= 200) {
                sources.add(value.strip());
            }
        }
        return sources;
    }

    static String knownKinds() {
        return Arrays.stream(SectionKind.values()).map(SectionKind::id).collect(Collectors.joining(", "));
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
