package org.medsearch.search;

import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.util.FixedBitSet;

import java.util.Collection;

/** Counts the distinct articles among all matching sections: the 'total' a person sees. */
final class ArticleCounter implements CollectorManager<ArticleCounter.Leafs, FixedBitSet> {
    private final IndexSnapshot snapshot;

    ArticleCounter(IndexSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Leafs newCollector() {
        return new Leafs(new FixedBitSet(Math.max(1, snapshot.articleCount())));
    }

    @Override
    public FixedBitSet reduce(Collection<Leafs> collectors) {
        // Into the first collector's set: a search cut into slices has one a slice, and one is the common case.
        FixedBitSet all = collectors.isEmpty() ? newCollector().seen : collectors.iterator().next().seen;
        collectors.forEach(c -> {
            if (c.seen != all) {
                all.or(c.seen);
            }
        });
        return all;
    }

    /** Marks the article of each matching document. */
    final class Leafs extends SectionCollector {
        final FixedBitSet seen;

        Leafs(FixedBitSet seen) {
            this.seen = seen;
        }

        @Override
        void collect(int doc) {
            int article = snapshot.articleOf(doc);
            if (article >= 0) {
                seen.set(article);
            }
        }
    }
}
