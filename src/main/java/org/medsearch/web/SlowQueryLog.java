package org.medsearch.web;

import org.medsearch.ingest.SectionKind;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.query.Understanding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Searches slower than a threshold, one line each with what was asked and how it was understood, so an
 * operator can see which questions are slow and why (many terms, many synonyms, a focus). With
 * {@code logQueries} off neither the query nor its understood words are written: only sizes and timings.
 */
final class SlowQueryLog {
    private final LogSink sink;
    private final long thresholdMillis;
    private final boolean logQueries;

    SlowQueryLog(WebConfig.Logging logging) {
        this.sink = LogSink.open(logging.slowLog());
        this.thresholdMillis = Math.max(0, logging.slowMillis());
        this.logQueries = logging.logQueries();
    }

    /** Logs the search if it took at least the threshold. */
    void record(String route, SearchRequest request, SearchResults results, long millis) {
        if (!sink.enabled() || millis < thresholdMillis) {
            return;
        }
        sink.line(line(route, request, results, millis));
    }

    String line(String route, SearchRequest request, SearchResults results, long millis) {
        StringBuilder b = new StringBuilder()
                .append('[').append(Instant.now().truncatedTo(ChronoUnit.MILLIS)).append("] slow-query ").append(millis).append("ms")
                .append(" route=").append(route)
                .append(" total=").append(results.total())
                .append(" page=").append(request.page())
                .append(" size=").append(request.size());
        if (results.partial()) {
            b.append(" partial=true");
        }
        if (!request.kinds().isEmpty()) {
            b.append(" section=").append(request.kinds().stream().map(SectionKind::id).sorted().collect(Collectors.joining(",")));
        }
        Understanding u = results.understood();
        List<String> terms = u == null ? List.of() : u.terms();
        b.append(" chars=").append(request.query().length()).append(" terms=").append(terms.size());
        if (!logQueries) {
            return b.append(" query=<not logged>").toString();
        }
        if (!request.sources().isEmpty()) {
            b.append(" source=").append(quote(String.join(",", request.sources())));
        }
        b.append(" q=").append(quote(request.query()));
        if (u != null && !u.focus().isEmpty()) {
            b.append(" focus=").append(quote(String.join("; ", u.focus())));
        }
        if (u != null && !u.asks().isEmpty()) {
            b.append(" asks=").append(String.join(",", u.asks()));
        }
        if (u != null) {
            b.append(" understood=").append(quote(String.join(" ", u.words())));
            if (!u.corrections().isEmpty()) {
                b.append(" corrected=").append(quote(u.corrections().stream()
                        .map(c -> c.typed() + "->" + c.searched()).collect(Collectors.joining(", "))));
            }
            if (!u.synonyms().isEmpty()) {
                b.append(" synonyms=").append(quote(String.join(", ", u.synonyms())));
            }
        }
        if (results.correctedFrom() != null) {
            b.append(" correctedFrom=").append(quote(results.correctedFrom()));
        }
        return b.toString();
    }

    /** A value in double quotes with quotes, backslashes and line breaks escaped: one search, one line. */
    static String quote(String s) {
        String flat = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + (flat.length() > 500 ? flat.substring(0, 500) + "…" : flat) + "\"";
    }
}
