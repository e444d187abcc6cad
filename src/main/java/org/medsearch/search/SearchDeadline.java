package org.medsearch.search;

import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;

import java.util.ArrayList;
import java.util.List;

/**
 * One search's deadline. Every Lucene searcher the search uses is armed with it, so each stops collecting
 * once it passes and returns what it found; optional steps (the 'did you mean' lookups, second tries)
 * are skipped after it.
 */
final class SearchDeadline {
    private final QueryTimeout timeout;
    private final List<IndexSearcher> armed = new ArrayList<>();

    /** A deadline checked by {@code timeout}; null for none. */
    SearchDeadline(QueryTimeout timeout) {
        this.timeout = timeout;
    }

    /** The searcher, stopping at this deadline. */
    IndexSearcher arm(IndexSearcher searcher) {
        if (timeout != null) {
            searcher.setTimeout(timeout);
            armed.add(searcher);
        }
        return searcher;
    }

    /** True once the deadline is past: optional work is skipped. */
    boolean passed() {
        return timeout != null && timeout.shouldExit();
    }

    /** True when some searcher stopped early: the results are those found before the deadline. */
    boolean cutShort() {
        return armed.stream().anyMatch(IndexSearcher::timedOut);
    }
}
