package org.medsearch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/admin/reindex} and {@code GET /api/admin/reindex}: starts a reindex in the background
 * and reports on it. Registered only when an admin token is configured; every call must carry
 * {@code Authorization: Bearer <token>}. One reindex at a time: a second POST while one runs gets 409.
 */
public final class AdminReindex {
    private final byte[] token;
    private final Callable<Map<String, Object>> job;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Map<String, Object> last = Map.of("state", "idle");

    /**
     * @param token the admin token (not blank)
     * @param job   runs one reindex and returns its summary; its failure message is reported to the admin
     */
    public AdminReindex(String token, Callable<Map<String, Object>> job) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("admin token must not be blank");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.job = job;
    }

    /** Adds the admin routes to a server that is not started yet (by {@link WebServer#create}). */
    void register(Javalin app) {
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
            Map<String, Object> summary = job.call();
            result.put("state", "done");
            result.putAll(summary);
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
