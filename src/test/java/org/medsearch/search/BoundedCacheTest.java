package org.medsearch.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The result and spelling caches: bounded by weight, least recently used dropped first. */
class BoundedCacheTest {
    @Test
    void keepsEntriesUpToTheirTotalWeightDroppingTheLeastRecentlyUsed() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, String::length);
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        assertNotNull(cache.peek("a"), "touch a: b is now the least recently used");
        cache.put("c", "cccc");
        assertNull(cache.peek("b"), "12 > 10: the eldest, b, made room");
        assertNotNull(cache.peek("a"));
        assertNotNull(cache.peek("c"));
        assertEquals(8, cache.weight());
    }

    @Test
    void aReplacedValueCountsOnceAndOneHeavierThanTheWholeCacheIsNotKept() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, String::length);
        cache.put("a", "aaaa");
        cache.put("a", "aaaaaa");
        assertEquals(6, cache.weight());
        cache.put("big", "x".repeat(11));
        assertNull(cache.peek("big"));
        assertNotNull(cache.peek("a"), "a value too big to keep does not empty the cache");
    }

    @Test
    void holdsAsManyPagesAsTheBenchmarkMixesHaveDistinctRequests() {
        // 664 distinct requests (LiveQA, keywords, scoped) of ~20 KB pages: all must stay, or an LRU
        // cycling through them misses on every one.
        BoundedCache<Integer, String> cache = new BoundedCache<>(IndexSnapshot.RESULT_CACHE_BYTES, s -> 20_000);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 664; i++) {
                cache.get(i, k -> "page");
            }
        }
        assertEquals(664, cache.hits(), "the second round is served from the cache");
    }

    @Test
    void countsEntriesWhenGivenNoWeigher() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(3);
        for (int i = 0; i < 5; i++) {
            cache.put(i, i);
        }
        assertEquals(3, cache.size());
        assertNull(cache.peek(0));
        assertNotNull(cache.peek(4));
    }
}
