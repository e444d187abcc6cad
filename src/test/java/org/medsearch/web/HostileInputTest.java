package org.medsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken requests against a real server: query syntax that could expand is searched as plain words; over-size requests are refused with
 * 413/414/431; every response carries the security headers; text reflected into HTML is escaped (thousands of generated
 * queries: {@link QueryFuzzIT}, in the slow tier). No answer is
 * timed: a 2 s bound failed on a busy machine (a 20,000-character word took 6.9 s at load 14); how much work a
 * search may do is bounded by its budget, not by this test's clock.
 */
class HostileInputTest {
    /** Only a hang guard, far above any answer on a busy machine; never a speed bound. */
    static final Duration HANG_GUARD = Duration.ofMinutes(2);
    /** Characters of Lucene query syntax: a searched term containing one would mean the syntax was expanded. */
    private static final Pattern SYNTAX = Pattern.compile("[*?~^\\[\\]{}()/\\\\:\"]");

    static TestServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG_GUARD).build();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared();
    }

    @Test
    void syntaxThatCouldExpandIsSearchedAsPlainWords() throws Exception {
        String[] queries = {"(".repeat(10_000), ")".repeat(10_000), "\"".repeat(9_999), "*".repeat(5_000),
                "a* b* c* d* e* *a *b ?x? ?????", "leg~99999999999999999999 cramp~-1 ankle~0.5",
                "asthma^1e308 pain^-99999999999999999999 ^^^^", "[a TO z] {* TO *}", "/.*/ /[a-z]+/",
                "causes:(((((calcium)))))", "a AND ".repeat(3_000), "NOT ".repeat(4_000),
                "\\".repeat(10_000), "x".repeat(19_999)};
        int termsSeen = 0;
        for (String q : queries) {
            HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), QueryFuzzer.describe(q) + " -> " + r.body());
            // No wildcard, fuzzy, range or regex expansion: every term searched is a plain word.
            for (JsonNode term : JSON.readTree(r.body()).path("understood").path("terms")) {
                assertFalse(SYNTAX.matcher(term.asText()).find(), QueryFuzzer.describe(q) + " searched " + term);
                termsSeen++;
            }
        }
        assertTrue(termsSeen > 0, "the API reports the terms it searched");
    }

    @Test
    void overLongQueriesAndUrlsAreRefusedNotServed() throws Exception {
        assertEquals(414, get("/api/search?q=" + "b".repeat(20_001)).statusCode());
        assertEquals(414, get("/?q=" + "b".repeat(20_001)).statusCode());
        // Beyond Jetty's header limit the request is refused while it is parsed, before any handler.
        String status = raw("GET /api/search?q=" + "c".repeat(ServerLimits.MAX_HEADER_BYTES + 10) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(status.startsWith("HTTP/1.1 414") || status.startsWith("HTTP/1.1 431"), status);
        String headers = raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: " + "d".repeat(ServerLimits.MAX_HEADER_BYTES)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(headers.startsWith("HTTP/1.1 431"), headers);
    }

    @Test
    void idleConnectionsAreClosedAfterTheLimit() {
        for (var c : server.app().jettyServer().server().getConnectors()) {
            assertEquals(ServerLimits.IDLE_TIMEOUT_MS, ((org.eclipse.jetty.server.AbstractConnector) c).getIdleTimeout(),
                    "a slow client must not hold a connection open for long");
        }
    }

    @Test
    void largeRequestBodiesAre413() throws Exception {
        for (String path : new String[] {"/api/search?q=asthma", "/", "/api/admin/reindex"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(HANG_GUARD)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) ServerLimits.MAX_BODY_BYTES + 1])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), path + ": " + r.body());
            assertEquals(null, problemWith(r));
        }
    }

    @Test
    void brokenPercentEncodingIs400() throws Exception {
        for (String target : new String[] {"/api/search?q=%zz", "/api/search?q=%", "/api/search?q=%C3%28",
                "/?q=%E2%82", "/api/articles/%ff%fe", "/articles/%", "/api/search?q=%00asthma"}) {
            String status = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int code = Integer.parseInt(status.substring(9, 12));
            assertTrue(code < 500, target + " -> " + status.lines().findFirst().orElse(""));
            assertFalse(status.contains("Exception") || status.contains("at org."), target + " leaked: " + status);
        }
    }

    @Test
    void traversalThroughAnyRouteFindsNothing() throws Exception {
        for (String path : new String[] {"/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", "/api/articles/../../pom.xml",
                "/articles/..%2F..%2Fpom.xml", "/articles/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fpom.xml",
                "/static/%2e%2e%2f%2e%2e%2fapp.js", "/static/", "/static", "/templates/search.mustache",
                "/public/style.css", "/api/articles/clinic%2F..%2F..%2Fasthma"}) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("root:") || r.body().contains("<project") || r.body().contains("{{"),
                    path + " leaked a file");
            assertFalse(r.body().contains("Index of"), path + " listed a folder");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/?q=asthma", "/articles/clinic/asthma", "/api/search?q=asthma",
                "/api/articles/clinic/asthma", "/health", "/static/style.css", "/static/app.js", "/nothing",
                "/api/nothing", "/api/search?size=0&q=a", "/api/search?q=" + "e".repeat(20_001)}) {
            HttpResponse<String> r = get(path);
            for (String h : new String[] {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Referrer-Policy"}) {
                assertTrue(r.headers().firstValue(h).isPresent(), path + " (" + r.statusCode() + ") lacks " + h);
            }
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
            assertFalse(r.headers().firstValue("Server").isPresent(), "no server version is advertised");
        }
    }

    @Test
    void articleTextAndQueryAreEscapedOnTheArticlePage() throws Exception {
        HttpResponse<String> r = get("/articles/wiki/growing-pains?q="
                + URLEncoder.encode("\"><script>alert(2)</script>", StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("&lt;script&gt;alert("), "article text shows as text");
        assertFalse(r.body().contains("<script>alert("), r.body());
    }

    @Test
    void pathTextIsEscapedOnTheErrorPage() throws Exception {
        HttpResponse<String> r = get("/articles/" + URLEncoder.encode("<img src=x onerror=alert(3)>", StandardCharsets.UTF_8));
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("<img src=x"), r.body());
        HttpResponse<String> page = get("/no/" + URLEncoder.encode("<svg onload=alert(4)>", StandardCharsets.UTF_8));
        assertEquals(404, page.statusCode());
        assertFalse(page.body().contains("<svg onload"), page.body());
    }

    /** Null when the response is acceptable: below 500, no stack trace text, security headers present. */
    static String problemWith(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            return "status " + r.statusCode();
        }
        String body = r.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.") || body.contains("at java.")) {
            return "stack trace in body";
        }
        if (r.headers().firstValue("Content-Security-Policy").isEmpty()) {
            return "no CSP header on " + r.statusCode();
        }
        return null;
    }

    private static URI uri(String pathAndQuery) {
        return server.uri(pathAndQuery);
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(HANG_GUARD).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as they are (no client-side validation) and returns the response head and body. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) HANG_GUARD.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
