package org.medsearch.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.RequestLog;
import org.medsearch.search.Searcher;

import java.util.Map;

/** Ties the server together: every route, header and error mapper of medsearch in one place. */
public final class WebServer {
    private WebServer() {
    }

    /** A configured, not yet started server over a searcher, without the admin routes. */
    public static Javalin create(Searcher searcher, WebConfig config) {
        return create(searcher, config, null);
    }

    /** A configured, not yet started server over a searcher; with the admin routes when {@code admin} is given. */
    public static Javalin create(Searcher searcher, WebConfig config, AdminReindex admin) {
        Templates templates = new Templates();
        SlowQueryLog slowLog = new SlowQueryLog(config.logging());
        ApiController api = new ApiController(searcher, config, slowLog);
        PageController pages = new PageController(searcher, config, templates, slowLog);
        ApiDocs docs = new ApiDocs(templates);
        SearchGate gate = new SearchGate(config.admission());
        ServerMetrics metrics = new ServerMetrics();
        metrics.bind(gate);
        metrics.bind(searcher);
        RequestLog accessLog = AccessLog.of(config.logging());
        Javalin app = Javalin.create(c -> configure(c, metrics, accessLog));
        // Connectors exist only once Jetty starts, so the idle timeout is set then.
        app.events(e -> e.serverStarted(() -> idleTimeout(app)));
        app.before(WebServer::securityHeaders);
        app.before(WebServer::refuseLargeBodies);

        app.events(e -> e.serverStopped(metrics::close));

        app.get("/health", api::health);
        app.get("/metrics", metrics::scrape);
        app.get("/openapi.json", docs::openApi);
        app.get("/api/docs", docs::page);
        app.get("/api/search", gate.wrap(api::search));
        app.get("/api/suggest", api::suggest);
        // Before the article route: ids contain slashes, so '<id>' would swallow '/related'.
        app.get("/api/articles/<id>/related", api::related);
        app.get("/api/articles/<id>", api::article);
        // The home page (no query) is cheap: it never waits behind searches.
        Handler resultsPage = gate.wrap(pages::search);
        app.get("/", ctx -> {
            if (ctx.queryParam("q") == null || ctx.queryParam("q").isBlank()) {
                pages.search(ctx);
            } else {
                resultsPage.handle(ctx);
            }
        });
        app.get("/articles/<id>", pages::article);
        if (admin != null) {
            admin.register(app);
        }

        // The suggester takes seconds to build on a large index: build it before the first keystroke.
        app.events(e -> e.serverStarted(() -> Thread.ofVirtual().start(() -> warmSuggestions(searcher))));

        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, pages, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            // Never a stack trace in a response: log it, answer with the generic shape.
            System.err.println("medsearch: error serving " + ctx.path() + ": " + e);
            error(ctx, pages, 500, "internal error");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, pages, 404, "not found: " + ctx.path());
            }
        });
        return app;
    }

    /** Jetty and Javalin settings: plugins, static files, limits. */
    private static void configure(JavalinConfig c, ServerMetrics metrics, RequestLog accessLog) {
        c.registerPlugin(metrics.plugin());
        if (accessLog != null) {
            c.jetty.modifyServer(server -> server.setRequestLog(accessLog));
        }
        // Swagger UI for the API page, from its jar: nothing is loaded from another site.
        c.staticFiles.enableWebjars();
        c.showJavalinBanner = false;
        c.useVirtualThreads = true;
        c.router.ignoreTrailingSlashes = true;
        c.http.prefer405over404 = false;
        c.staticFiles.add(sf -> {
            sf.hostedPath = "/static";
            sf.directory = "/public";
            sf.location = Location.CLASSPATH;
            sf.precompress = false;
        });
        // A pasted 10 KB question must fit in the URL; beyond the header limit Jetty answers 431.
        c.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(ServerLimits.MAX_HEADER_BYTES);
            http.setSendServerVersion(false);
        });
        c.http.maxRequestSize = ServerLimits.MAX_BODY_BYTES;
    }

    /** The single error shape: JSON under /api and /health, an HTML page elsewhere. */
    private static void error(Context ctx, PageController pages, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health")) {
            ctx.json(new ApiError(status, message));
        } else {
            String title = status == 404 ? "Page not found" : status < 500 ? "Bad request" : "Something went wrong";
            ctx.html(pages.error(status, title, message));
        }
    }

    private static void warmSuggestions(Searcher searcher) {
        try {
            searcher.suggest("a", 1);
        } catch (RuntimeException e) {
            // Only a warm-up: the first suggest request builds (and reports) it again if this failed.
        }
    }

    /** 413 before any handler reads a body larger than the limit (declared, or chunked without a length). */
    private static void refuseLargeBodies(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > ServerLimits.MAX_BODY_BYTES) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body is larger than " + ServerLimits.MAX_BODY_BYTES + " bytes", Map.of());
        }
    }

    private static void idleTimeout(Javalin app) {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof AbstractConnector connector) {
                connector.setIdleTimeout(ServerLimits.IDLE_TIMEOUT_MS);
            }
        }
    }

    private static void securityHeaders(Context ctx) {
        // Swagger UI sets inline styles on the API page; every other page keeps styles to our own files.
        String styles = ctx.path().equals(ApiDocs.PATH) ? "style-src 'self' 'unsafe-inline'; " : "";
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                + styles + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

}
