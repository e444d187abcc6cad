package org.medsearch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.medsearch.search.Searcher;

import java.util.Map;

/** Ties the server together: every route, header and error mapper of medsearch in one place. */
public final class WebServer {
    private WebServer() {
    }

    /** A configured, not yet started server over a searcher. */
    public static Javalin create(Searcher searcher, WebConfig config) {
        Templates templates = new Templates();
        ApiController api = new ApiController(searcher, config);
        PageController pages = new PageController(searcher, config, templates);
        SearchGate gate = new SearchGate(config.admission());
        Javalin app = Javalin.create(c -> {
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
        });
        // Connectors exist only once Jetty starts, so the idle timeout is set then.
        app.events(e -> e.serverStarted(() -> idleTimeout(app)));
        app.before(WebServer::securityHeaders);
        app.before(WebServer::refuseLargeBodies);

        app.get("/health", api::health);
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
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

}
