package org.medsearch.crawl;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/** The URLs still to fetch, one queue per host (breadth first), each page at most once however often it is linked. */
final class Frontier {
    /** A URL to fetch and how many links away from a start URL it was found. */
    record Item(URI uri, String key, int depth) {
    }

    private final Map<String, ArrayDeque<Item>> queues = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int size;

    /** Queues a normalized URL unless it was seen before; true when queued. */
    boolean offer(URI normalized, int depth) {
        String key = CrawlUrls.key(normalized);
        if (!seen.add(key)) {
            return false;
        }
        queues.computeIfAbsent(CrawlUrls.hostKey(normalized), h -> new ArrayDeque<>())
                .add(new Item(normalized, key, depth));
        size++;
        return true;
    }

    /** Marks a page as seen without queuing it (a redirect's target); false when it was seen already. */
    boolean markSeen(String key) {
        return seen.add(key);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The host with URLs waiting whose turn comes first; ties go to the host queued first. */
    Optional<String> nextHost(ToLongFunction<String> readyAt) {
        String best = null;
        long bestAt = 0;
        for (Map.Entry<String, ArrayDeque<Item>> e : queues.entrySet()) {
            if (!e.getValue().isEmpty()) {
                long at = readyAt.applyAsLong(e.getKey());
                if (best == null || at - bestAt < 0) {
                    best = e.getKey();
                    bestAt = at;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Takes the next URL of a host. */
    Item poll(String host) {
        Item item = queues.get(host).poll();
        size--;
        return item;
    }

    /** Empties a host's queue (the host was given up) and returns what was in it. */
    List<Item> drain(String host) {
        ArrayDeque<Item> q = queues.getOrDefault(host, new ArrayDeque<>());
        List<Item> out = new ArrayList<>(q);
        size -= q.size();
        q.clear();
        return out;
    }
}
