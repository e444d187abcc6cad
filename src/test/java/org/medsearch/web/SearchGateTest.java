package org.medsearch.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search gate queues searches beyond its limit, keeps other routes free, sheds load with 503 past its wait,
 * and refuses a client past its share and queue with 429 while another client is served.
 */
class SearchGateTest {
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void searchesBeyondTheLimitWaitWhileOtherRoutesAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SearchGate gate = new SearchGate(1, 120_000); // the second waits for the first, however busy the machine
        start(gate, ctx -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await(2, TimeUnit.MINUTES);
            running.decrementAndGet();
            ctx.result("done");
        });
        CompletableFuture<HttpResponse<String>> first = getAsync("/search");
        CompletableFuture<HttpResponse<String>> second = getAsync("/search");
        Thread.sleep(300);
        assertEquals(200, http.send(request("/health"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "other routes are not held up by waiting searches");
        // Polled: on a busy machine the second request may take a while to reach the gate.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((gate.running() != 1 || gate.queued() != 1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, gate.running(), "the metrics see one search running");
        assertEquals(1, gate.queued(), "and one waiting");
        release.countDown();
        assertEquals(200, first.get(2, TimeUnit.MINUTES).statusCode());
        assertEquals(200, second.get(2, TimeUnit.MINUTES).statusCode());
        assertEquals(1, most.get(), "never more searches at once than the limit");
    }

    @Test
    void searchThatWaitsTooLongIs503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        SearchGate gate = new SearchGate(1, 200);
        start(gate, ctx -> {
            entered.countDown();
            release.await(2, TimeUnit.MINUTES);
            ctx.result("done");
        });
        CompletableFuture<HttpResponse<String>> first = getAsync("/search");
        // The first search holds the only slot before the second asks (a sleep here raced on a busy machine).
        assertTrue(entered.await(2, TimeUnit.MINUTES), "the first search never started");
        HttpResponse<String> shed = http.send(request("/search"), HttpResponse.BodyHandlers.ofString());
        release.countDown();
        assertEquals(503, shed.statusCode());
        assertTrue(shed.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, first.get(2, TimeUnit.MINUTES).statusCode());
        assertEquals(1, gate.rejected(), "the refusal is counted for the metrics");
        assertEquals(0, gate.running());
    }

    @Test
    void aBusyClientGets429WhileAnotherClientBehindTheProxyIsServed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        // Two slots, one per client, none waiting beyond it; the test client is the trusted proxy.
        SearchGate gate = new SearchGate(new AdmissionLimits(2, 1, 0, 60_000, Set.of("127.0.0.1")));
        start(gate, ctx -> {
            if ("slow".equals(ctx.queryParam("q"))) {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            ctx.result("done");
        });
        CompletableFuture<HttpResponse<String>> running = getAsync("/search?q=slow", "203.0.113.1");
        assertTrue(started.await(30, TimeUnit.SECONDS));
        HttpResponse<String> refused = getAsync("/search?q=slow", "203.0.113.1").get(30, TimeUnit.SECONDS);
        assertEquals(429, refused.statusCode(), "the busy client's share is taken and it may not queue");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, getAsync("/search?q=quick", "198.51.100.2").get(30, TimeUnit.SECONDS).statusCode(),
                "another client is served while the busy one's searches hold its share");
        release.countDown();
        assertEquals(200, running.get(30, TimeUnit.SECONDS).statusCode());
    }

    private void start(SearchGate gate, io.javalin.http.Handler search) {
        app = Javalin.create(c -> c.useVirtualThreads = true);
        app.get("/search", gate.wrap(search));
        app.get("/health", ctx -> ctx.result("ok"));
        app.start("127.0.0.1", 0);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
    }

    /** A request from {@code client}, named in X-Forwarded-For as a trusted proxy would. */
    private CompletableFuture<HttpResponse<String>> getAsync(String path, String client) {
        return http.sendAsync(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
