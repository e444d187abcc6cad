package org.medsearch.crawl;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A small web site on 127.0.0.1 for crawl tests: routes by path, and a log of every request it received. */
final class TestSite implements AutoCloseable {
    /** One request as the site saw it. */
    record Hit(long nanos, String path, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Route {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new ArrayList<>();

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The host folder pages of this site are saved in. */
    String folder() {
        return "127.0.0.1_" + server.getAddress().getPort();
    }

    void route(String pathAndQuery, Route r) {
        routes.put(pathAndQuery, r);
    }

    void page(String path, String html) {
        route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    synchronized List<String> paths() {
        return hits.stream().map(Hit::path).toList();
    }

    synchronized void clearHits() {
        hits.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        String raw = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        synchronized (this) {
            hits.add(new Hit(System.nanoTime(), raw, ex.getRequestHeaders()));
        }
        try (ex) {
            Route r = routes.get(raw);
            if (r == null) {
                send(ex, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                r.answer(ex);
            }
        } catch (IOException clientWentAway) {
            // The crawler cuts off oversized bodies and aborts on stop: not a failure of the site.
        }
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        boolean noBody = status == 304 || body.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    /** An article page: a title and sections of real sentences. */
    static String article(String title, String... sections) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/articles/\">All "
                        + "articles</a></nav><main><h1>").append(title).append("</h1>");
        for (int i = 0; i < sections.length; i++) {
            s.append("<h2>Section ").append(i + 1).append("</h2><p>").append(sections[i]).append("</p>");
        }
        return s.append("</main></body></html>").toString();
    }

    /** A listing page: nothing but links. */
    static String listing(String title, String... hrefs) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1><ul>");
        for (String h : hrefs) {
            s.append("<li><a href=\"").append(h).append("\">").append(h).append("</a></li>");
        }
        return s.append("</ul></body></html>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
