package org.medsearch.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A small least-recently-used map shared by concurrent searches, bounded by a total weight (entries, or
 * approximate bytes). Hand-written rather than a library (Caffeine) because it holds a few thousand
 * entries per index generation and is thrown away with it: a synchronized {@link LinkedHashMap} in
 * access order is all that needs.
 */
final class BoundedCache<K, V> {
    private final Map<K, V> map = new LinkedHashMap<>(64, 0.75f, true);
    private final long capacity;
    private final ToLongFunction<V> weigher;
    private long weight;
    private long hits;
    private long misses;

    /** At most {@code capacity} entries. */
    BoundedCache(int capacity) {
        this(capacity, v -> 1);
    }

    /** Entries whose weights add up to at most {@code capacity}, the least recently used dropped first. */
    BoundedCache(long capacity, ToLongFunction<V> weigher) {
        this.capacity = capacity;
        this.weigher = weigher;
    }

    /**
     * The cached value, or {@code compute}'s, stored. Computed outside the lock, so two searches may
     * compute the same value at once; both get an equal one.
     */
    V get(K key, Function<K, V> compute) {
        synchronized (this) {
            V v = map.get(key);
            if (v != null) {
                hits++;
                return v;
            }
            misses++;
        }
        V v = compute.apply(key);
        if (v != null) {
            put(key, v);
        }
        return v;
    }

    /** The cached value, or null; counted as a hit or a miss. */
    synchronized V peek(K key) {
        V v = map.get(key);
        if (v != null) {
            hits++;
        } else {
            misses++;
        }
        return v;
    }

    /** Stores a value computed elsewhere (for values that are not always worth keeping). */
    synchronized void put(K key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > capacity) {
            return;
        }
        V old = map.put(key, value);
        weight += w - (old == null ? 0 : weigher.applyAsLong(old));
        // Eldest first: the map iterates in access order.
        Iterator<V> eldest = map.values().iterator();
        while (weight > capacity && eldest.hasNext()) {
            weight -= weigher.applyAsLong(eldest.next());
            eldest.remove();
        }
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    /** Entries held now. */
    synchronized int size() {
        return map.size();
    }

    /** The weight of the entries held now. */
    synchronized long weight() {
        return weight;
    }
}
