package org.medsearch.web;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs searches on a few platform threads and queues the rest, each client in its own queue
 * ({@link FairAdmission}). Requests arrive on virtual threads, which
 * the JVM does not preempt: CPU-bound searches running on them would occupy every carrier thread, and
 * /health or an article view would wait behind all of them for seconds. Here a request waits for a permit
 * (parked, costing nothing), then hands its search to a platform thread that the OS time-slices with
 * everything else; the carriers stay free for the cheap routes, and memory held by searches is bounded.
 * A client over its share waits behind no one else's searches but its own; past its queue it gets 429.
 */
final class SearchGate {
    /** A search that cannot start within this is refused with 503 rather than piling up without bound. */
    static final long MAX_WAIT_MS = 30_000;

    /** A client past its queue is asked to come back after this many seconds. */
    static final String RETRY_AFTER_QUEUE_FULL = "1";

    private final FairAdmission permits;
    private final ClientAddress clients;
    private final ExecutorService workers;
    private final long maxWaitMillis;

    /** {@code concurrent} searches at once, in arrival order, with no per-client share. */
    SearchGate(int concurrent, long maxWaitMillis) {
        this(new AdmissionLimits(concurrent, concurrent, Integer.MAX_VALUE, maxWaitMillis, java.util.Set.of()));
    }

    SearchGate(AdmissionLimits limits) {
        this.permits = new FairAdmission(limits.slots(), limits.perClient(), limits.queuePerClient());
        this.clients = new ClientAddress(limits.trustedProxies());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(limits.slots(),
                r -> Thread.ofPlatform().daemon().name("search-" + count.incrementAndGet()).unstarted(r));
        this.maxWaitMillis = limits.maxWaitMillis();
    }

    /** One search per core: more would only share the same cores. */
    static SearchGate perCore() {
        return new SearchGate(AdmissionLimits.defaults());
    }

    /** The handler, run on a search thread while holding a permit. */
    Handler wrap(Handler handler) {
        return ctx -> {
            String client = clients.of(ctx);
            FairAdmission.Outcome admitted = acquire(client);
            if (admitted == FairAdmission.Outcome.QUEUE_FULL) {
                ctx.header("Retry-After", RETRY_AFTER_QUEUE_FULL);
                throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
                        "too many searches at once from one client; try again in a second", Map.of());
            }
            if (admitted != FairAdmission.Outcome.ADMITTED) {
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
                permits.release(client);
            }
        };
    }

    private FairAdmission.Outcome acquire(String client) {
        try {
            return permits.acquire(client, maxWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FairAdmission.Outcome.TIMED_OUT;
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
