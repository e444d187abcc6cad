package org.medsearch.web;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a few searches run at once and queues the rest. Requests run on virtual threads, which are not
 * preempted: without a gate, 64 CPU-bound searches occupy every carrier thread and /health or an article
 * view waits behind all of them. With it, waiting searches park cheaply, memory held by searches is
 * bounded, and the other routes get a carrier after at most a couple of searches.
 */
final class SearchGate {
    /** A search that cannot start within this is refused with 503 rather than piling up without bound. */
    static final long MAX_WAIT_MS = 30_000;

    private final Semaphore permits;
    private final long maxWaitMillis;

    SearchGate(int concurrent, long maxWaitMillis) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
        this.maxWaitMillis = maxWaitMillis;
    }

    /** One search per core: more would only share the same cores. */
    static SearchGate perCore() {
        return new SearchGate(Runtime.getRuntime().availableProcessors(), MAX_WAIT_MS);
    }

    /** The handler, run while holding a permit. */
    Handler wrap(Handler handler) {
        return ctx -> {
            boolean acquired;
            try {
                acquired = permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                ctx.header("Retry-After", "5");
                throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                        "the server is busy; try again in a few seconds", Map.of());
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }
}
