package org.medsearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used map shared by concurrent searches. Hand-written rather than a library
 * (Caffeine) because it holds a few thousand entries per index generation and is thrown away with it:
 * a synchronized {@link LinkedHashMap} in access order is all that needs.
 */
final class BoundedCache<K, V> {
    private final Map<K, V> map;
    private long hits;
    private long misses;

    BoundedCache(int capacity) {
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
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
            synchronized (this) {
                map.put(key, v);
            }
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
        map.put(key, value);
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
