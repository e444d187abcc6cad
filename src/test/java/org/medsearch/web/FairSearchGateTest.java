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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over HTTP: a client past its share and queue gets 429 with Retry-After while another client is served. */
class FairSearchGateTest {
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aBusyClientGets429WhileAnotherClientBehindTheProxyIsServed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        // Two slots, one per client, none waiting beyond it; the test client is the trusted proxy.
        SearchGate gate = new SearchGate(new AdmissionLimits(2, 1, 0, 60_000, Set.of("127.0.0.1")));
        app = Javalin.create(c -> c.useVirtualThreads = true);
        app.get("/search", gate.wrap(ctx -> {
            if ("slow".equals(ctx.queryParam("q"))) {
                started.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            ctx.result("done");
        }));
        app.start("127.0.0.1", 0);

        CompletableFuture<HttpResponse<String>> running = send("/search?q=slow", "203.0.113.1");
        assertTrue(started.await(30, TimeUnit.SECONDS));
        HttpResponse<String> refused = send("/search?q=slow", "203.0.113.1").get(30, TimeUnit.SECONDS);
        assertEquals(429, refused.statusCode(), "the busy client's share is taken and it may not queue");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, send("/search?q=quick", "198.51.100.2").get(30, TimeUnit.SECONDS).statusCode(),
                "another client is served while the busy one's searches hold its share");
        release.countDown();
        assertEquals(200, running.get(30, TimeUnit.SECONDS).statusCode());
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String client) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    }
}
