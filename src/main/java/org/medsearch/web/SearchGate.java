package org.medsearch.web;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs searches on a few platform threads and queues the rest. Requests arrive on virtual threads, which
 * the JVM does not preempt: CPU-bound searches running on them would occupy every carrier thread, and
 * /health or an article view would wait behind all of them for seconds. Here a request waits for a permit
 * (parked, costing nothing), then hands its search to a platform thread that the OS time-slices with
 * everything else; the carriers stay free for the cheap routes, and memory held by searches is bounded.
 */
final class SearchGate {
    /** A search that cannot start within this is refused with 503 rather than piling up without bound. */
    static final long MAX_WAIT_MS = 30_000;

    private final Semaphore permits;
    private final ExecutorService workers;
    private final long maxWaitMillis;
    private final int concurrent;
    private final AtomicLong rejected = new AtomicLong();

    SearchGate(int concurrent, long maxWaitMillis) {
        int n = Math.max(1, concurrent);
        this.concurrent = n;
        this.permits = new Semaphore(n, true);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(n,
                r -> Thread.ofPlatform().daemon().name("search-" + count.incrementAndGet()).unstarted(r));
        this.maxWaitMillis = maxWaitMillis;
    }

    /** One search per core: more would only share the same cores. */
    static SearchGate perCore() {
        return new SearchGate(Runtime.getRuntime().availableProcessors(), MAX_WAIT_MS);
    }

    /** The handler, run on a search thread while holding a permit. */
    Handler wrap(Handler handler) {
        return ctx -> {
            if (!acquire()) {
                rejected.incrementAndGet();
                ctx.header("Retry-After", "5");
                throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                        "the server is busy; try again in a few seconds", Map.of());
            }
            try {
                Future<?> done = workers.submit(() -> {
                    handler.handle(ctx);
                    return null;
                });
                await(done);
            } finally {
                permits.release();
            }
        };
    }

    /** Searches holding a permit now (for the metrics). */
    int running() {
        return concurrent - permits.availablePermits();
    }

    /** Searches waiting for a permit now (an estimate, as {@link Semaphore#getQueueLength()} says). */
    int queued() {
        return permits.getQueueLength();
    }

    /** Searches refused with 503 so far. */
    long rejected() {
        return rejected.get();
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the search; its exception (a 400 from parameter checks, say) reaches the error mappers as is. */
    private static void await(Future<?> done) throws Exception {
        try {
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
