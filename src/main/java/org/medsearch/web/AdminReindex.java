package org.medsearch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import org.medsearch.index.Reindex;
import org.medsearch.index.ReindexReport;
import org.medsearch.search.LiveIndex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/admin/reindex} and {@code GET /api/admin/reindex}: starts a reindex in the background
 * and reports on it. Registered only when an admin token is configured; every call must carry
 * {@code Authorization: Bearer <token>}. One reindex at a time: a second POST while one runs gets 409.
 * The reindex is the {@link Reindex} service the {@code reindex} command runs; the server switches to its
 * result as soon as it is published.
 */
public final class AdminReindex {
    private final byte[] token;
    private final Reindex reindex;
    private final LiveIndex live;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Map<String, Object> last = Map.of("state", "idle");

    /**
     * @param token   the admin token (not blank)
     * @param reindex builds the new index; its failure message is reported to the admin
     * @param live    the index being served, refreshed once the new one is published
     */
    public AdminReindex(String token, Reindex reindex, LiveIndex live) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("admin token must not be blank");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.reindex = reindex;
        this.live = live;
    }

    /** Adds the admin routes to a server that is not started yet. */
    public void register(Javalin app) {
        app.post("/api/admin/reindex", this::start);
        app.get("/api/admin/reindex", this::status);
    }

    private void start(Context ctx) {
        authorize(ctx);
        if (!running.compareAndSet(false, true)) {
            throw new HttpResponseException(HttpStatus.CONFLICT.getCode(), "a reindex is already running", Map.of());
        }
        Instant started = Instant.now();
        last = Map.of("state", "running", "started", started.toString());
        Thread.ofPlatform().name("admin-reindex").daemon().start(() -> run(started));
        ctx.status(HttpStatus.ACCEPTED).json(last);
    }

    private void run(Instant started) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            ReindexReport report = reindex.run();
            live.refresh();
            result.put("state", "done");
            result.putAll(summary(report));
        } catch (Exception | Error e) {
            result.put("state", "failed");
            result.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            result.put("started", started.toString());
            result.put("finished", Instant.now().toString());
            last = Map.copyOf(result);
            running.set(false);
        }
    }

    /** The report as JSON: counts, then every file not indexed with its reason (duplicates included). */
    private static Map<String, Object> summary(ReindexReport r) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("articles", r.articles());
        summary.put("sections", r.sections());
        summary.put("skipped", r.skipped().size());
        summary.put("errors", r.errors().size());
        summary.put("seconds", r.elapsed().toMillis() / 1000.0);
        summary.put("semantic", r.embeddingModel() != null);
        summary.put("skippedFiles", files(r.skipped()));
        summary.put("errorFiles", files(r.errors()));
        return summary;
    }

    private static List<Map<String, String>> files(List<ReindexReport.Skipped> files) {
        return files.stream().map(s -> Map.of("file", s.file(), "reason", s.reason())).toList();
    }

    private void status(Context ctx) {
        authorize(ctx);
        ctx.json(last);
    }

    private void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        // Constant-time comparison: response timing must not reveal how much of a guessed token was right.
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("missing or wrong admin token");
        }
    }
}
