package org.medsearch.web;

import java.util.Set;

/**
 * How the search slots are shared (see {@link FairAdmission}); options of {@code serve}.
 *
 * @param slots          searches running at once, all clients together
 * @param perClient      searches one client may run at once
 * @param queuePerClient searches one client may have waiting beyond those; more get 429 with Retry-After
 * @param maxWaitMillis  longest a search waits for a slot; then 503 with Retry-After
 * @param trustedProxies peers whose {@code X-Forwarded-For} names the client (none by default)
 */
public record AdmissionLimits(int slots, int perClient, int queuePerClient, long maxWaitMillis, Set<String> trustedProxies) {
    public AdmissionLimits {
        if (slots < 1 || perClient < 1 || queuePerClient < 0 || maxWaitMillis < 1) {
            throw new IllegalArgumentException("search slots and searches per client must be 1 or more, the queue 0 or more");
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }

    /** One search slot per core (more would only share the same cores); a client gets half of them, at least one. */
    public static AdmissionLimits defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new AdmissionLimits(cores, Math.max(1, cores / 2), 16, SearchGate.MAX_WAIT_MS, Set.of());
    }
}
