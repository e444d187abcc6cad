package org.medsearch.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sharing search slots among clients: a busy client waits behind its own searches, not others behind it. */
class FairAdmissionTest {
    private static final long WAIT = 60_000;

    /** Waits until the admission has this many searches waiting (a synchronisation, not a timing). */
    private static void awaitWaiting(IntSupplier waiting, int n) throws InterruptedException {
        for (int i = 0; i < 60_000 && waiting.getAsInt() != n; i++) {
            Thread.sleep(1);
        }
        assertEquals(n, waiting.getAsInt());
    }

    /** Admits one search of the client, then queues a second one and waits until it is waiting. */
    private static Future<FairAdmission.Outcome> runningAndQueued(FairAdmission slots, ExecutorService pool, String client)
            throws InterruptedException {
        assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire(client, WAIT));
        Future<FairAdmission.Outcome> queued = pool.submit(() -> slots.acquire(client, WAIT));
        awaitWaiting(slots::waiting, 1);
        return queued;
    }

    @Test
    void aClientHoldsAtMostItsShareAndOthersTakeTheRest() throws Exception {
        FairAdmission slots = new FairAdmission(2, 1, 4);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FairAdmission.Outcome> second = runningAndQueued(slots, pool, "a");
            assertEquals(1, slots.running(), "a's second search waits although a slot is free");
            assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire("b", WAIT), "the free slot is b's at once");
            slots.release("a");
            assertEquals(FairAdmission.Outcome.ADMITTED, second.get());
            slots.release("a");
            slots.release("b");
            assertEquals(0, slots.running());
        }
    }

    @Test
    void pastItsQueueAClientIsRefusedAtOnce() throws Exception {
        FairAdmission slots = new FairAdmission(1, 1, 1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FairAdmission.Outcome> queued = runningAndQueued(slots, pool, "a");
            assertEquals(FairAdmission.Outcome.QUEUE_FULL, slots.acquire("a", WAIT));
            slots.release("a");
            assertEquals(FairAdmission.Outcome.ADMITTED, queued.get());
            slots.release("a");
        }
    }

    @Test
    void aClientArrivingBehindAnotherClientsBacklogIsServedNext() throws Exception {
        FairAdmission slots = new FairAdmission(1, 1, 10);
        List<String> order = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire("busy", WAIT));
            for (int i = 1; i <= 3; i++) {
                String client = "busy";
                String name = client + i;
                pool.submit(() -> take(slots, client, name, order));
                awaitWaiting(slots::waiting, i);
            }
            pool.submit(() -> take(slots, "other", "other", order));
            awaitWaiting(slots::waiting, 4);
            slots.release("busy");
        }
        // In arrival order 'other' would come last; it is served as soon as the busy client has had its turn.
        assertEquals(List.of("other", "busy1", "busy2", "busy3"), order);
    }

    private static Void take(FairAdmission slots, String client, String name, List<String> order) throws InterruptedException {
        assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire(client, WAIT));
        order.add(name);
        slots.release(client);
        return null;
    }

    @Test
    void aSearchThatWaitsTooLongGivesUpItsPlace() throws Exception {
        FairAdmission slots = new FairAdmission(1, 1, 4);
        assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire("a", WAIT));
        assertEquals(FairAdmission.Outcome.TIMED_OUT, slots.acquire("b", 1));
        assertEquals(0, slots.waiting());
        slots.release("a");
        assertEquals(FairAdmission.Outcome.ADMITTED, slots.acquire("b", WAIT));
        slots.release("b");
    }

    @Test
    void theClientIsTheForwardedAddressOnlyBehindATrustedProxy() {
        ClientAddress addresses = new ClientAddress(java.util.Set.of("10.0.0.1"));
        assertEquals("203.0.113.7", addresses.of("10.0.0.1", "203.0.113.7"));
        assertEquals("203.0.113.7", addresses.of("10.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.1"),
                "the nearest untrusted hop: what the client wrote further left is not believed");
        assertEquals("192.0.2.9", addresses.of("192.0.2.9", "203.0.113.7"), "an untrusted peer cannot name another client");
        assertEquals("10.0.0.1", addresses.of("10.0.0.1", null));
    }
}
