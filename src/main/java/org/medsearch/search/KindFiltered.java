package org.medsearch.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.medsearch.ingest.SectionKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Hands a collector only the sections of the chosen kinds. A kind-scoped search runs its query once without
 * the kind filter, so the facets (which count every kind) and the ranking (which sees only the chosen ones)
 * share one pass over the matches instead of two searches. The kind is read from {@link FacetTables}, built
 * from the same {@code kind} terms the filter query would match.
 */
final class KindFiltered<C extends Collector, T> implements CollectorManager<KindFiltered.Wrapped<C>, T> {
    private final CollectorManager<C, T> delegate;
    private final FacetTables tables;
    private final boolean[] chosen = new boolean[SectionKind.values().length];

    KindFiltered(CollectorManager<C, T> delegate, FacetTables tables, Set<SectionKind> kinds) {
        this.delegate = delegate;
        this.tables = tables;
        kinds.forEach(k -> chosen[k.ordinal()] = true);
    }

    @Override
    public Wrapped<C> newCollector() throws IOException {
        return new Wrapped<>(delegate.newCollector(), this);
    }

    @Override
    public T reduce(Collection<Wrapped<C>> collectors) throws IOException {
        List<C> inner = new ArrayList<>(collectors.size());
        collectors.forEach(c -> inner.add(c.inner));
        return delegate.reduce(inner);
    }

    private boolean passes(int doc) {
        int kind = tables.kindOf(doc);
        return kind >= 0 && chosen[kind];
    }

    /** The delegate's collector behind the kind test. */
    static final class Wrapped<C extends Collector> implements Collector {
        final C inner;
        private final KindFiltered<C, ?> owner;

        Wrapped(C inner, KindFiltered<C, ?> owner) {
            this.inner = inner;
            this.owner = owner;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int base = context.docBase;
            return new FilterLeafCollector(inner.getLeafCollector(context)) {
                @Override
                public void collect(int doc) throws IOException {
                    if (owner.passes(base + doc)) {
                        in.collect(doc);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return inner.scoreMode();
        }
    }
}
