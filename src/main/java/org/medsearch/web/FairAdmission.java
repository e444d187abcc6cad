package org.medsearch.web;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The search slots, shared fairly among clients. A client holds at most {@code perClient} slots at once;
 * its further searches wait in its own queue (at most {@code queuePerClient}), and a free slot goes to
 * the waiting client holding the fewest, then to the one served longest ago (round robin). So a client sending many expensive
 * searches at once only ever delays itself, and other clients' searches start first. Written by hand
 * because a semaphore (fair or not) serves in arrival order, not per client. A lock with one condition
 * per waiter, not {@code synchronized}: requests wait on virtual threads, which must not pin a carrier.
 */
final class FairAdmission {
    /** What became of a request for a slot. */
    enum Outcome { ADMITTED, QUEUE_FULL, TIMED_OUT }

    private final int slots;
    private final int perClient;
    private final int queuePerClient;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Client> clients = new HashMap<>();
    private int running;
    private long admissions;

    FairAdmission(int slots, int perClient, int queuePerClient) {
        this.slots = Math.max(1, slots);
        this.perClient = Math.max(1, Math.min(perClient, this.slots));
        this.queuePerClient = Math.max(0, queuePerClient);
    }

    private static final class Client {
        int running;
        /** When it was last given a slot (an admission count); a client new or back after idling goes first. */
        long lastAdmitted = -1;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    }

    private static final class Waiter {
        final Condition turn;
        boolean admitted;

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    /** Waits up to {@code maxWaitMillis} for a slot; on ADMITTED the caller must {@link #release} it. */
    Outcome acquire(String client, long maxWaitMillis) throws InterruptedException {
        lock.lock();
        try {
            Client c = clients.computeIfAbsent(client, k -> new Client());
            if (c.running >= perClient && c.waiting.size() >= queuePerClient) {
                return Outcome.QUEUE_FULL;
            }
            Waiter w = new Waiter(lock.newCondition());
            c.waiting.add(w);
            dispatch();
            long left = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
            try {
                while (!w.admitted && left > 0) {
                    left = w.turn.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                if (w.admitted) {
                    // Admitted while being interrupted: the caller will not run, so the slot goes back now.
                    releaseLocked(client, c);
                }
                throw e;
            } finally {
                if (!w.admitted) {
                    c.waiting.remove(w);
                    forgetIfIdle(client, c);
                }
            }
            return w.admitted ? Outcome.ADMITTED : Outcome.TIMED_OUT;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot taken by {@link #acquire}. */
    void release(String client) {
        lock.lock();
        try {
            releaseLocked(client, clients.get(client));
        } finally {
            lock.unlock();
        }
    }

    private void releaseLocked(String client, Client c) {
        c.running--;
        running--;
        forgetIfIdle(client, c);
        dispatch();
    }

    /** Searches waiting now, all clients together (for tests and metrics). */
    int waiting() {
        lock.lock();
        try {
            return clients.values().stream().mapToInt(c -> c.waiting.size()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Searches running now, all clients together (for tests and metrics). */
    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Fills free slots: each goes to the waiting client below its share holding the fewest, then served longest ago. */
    private void dispatch() {
        while (running < slots) {
            Client best = null;
            for (Client c : clients.values()) {
                if (c.waiting.isEmpty() || c.running >= perClient) {
                    continue;
                }
                if (best == null || c.running < best.running
                        || c.running == best.running && c.lastAdmitted < best.lastAdmitted) {
                    best = c;
                }
            }
            if (best == null) {
                return;
            }
            Waiter w = best.waiting.poll();
            w.admitted = true;
            best.running++;
            best.lastAdmitted = admissions++;
            running++;
            w.turn.signal();
        }
    }

    private void forgetIfIdle(String client, Client c) {
        if (c.running == 0 && c.waiting.isEmpty()) {
            clients.remove(client);
        }
    }
}
