package org.medsearch.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search gate queues searches beyond its limit, keeps other routes free, and sheds load with 503 past its wait. */
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
        release.countDown();
        assertEquals(200, first.get(2, TimeUnit.MINUTES).statusCode());
        assertEquals(200, second.get(2, TimeUnit.MINUTES).statusCode());
        assertEquals(1, most.get(), "never more searches at once than the limit");
    }

    @Test
    void searchThatWaitsTooLongIs503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        start(new SearchGate(1, 200), ctx -> {
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

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
    }
}
