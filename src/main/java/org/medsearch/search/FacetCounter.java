package org.medsearch.search;

import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.ingest.SectionKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts matching articles by section kind and by source. The counts are 'disjunctive', as shops and
 * search engines show them: a kind's count honours the chosen sources but not the chosen kinds (and
 * the other way round), so picking one kind still shows what the others would give.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Leafs, FacetCounter.Counts> {
    private static final int KINDS = SectionKind.values().length;
    private final boolean[] kindChosen = new boolean[KINDS];
    private final IndexSnapshot snapshot;
    private final FacetTables tables;
    private final Set<SectionKind> kinds;
    private final Set<String> sources;
    private final boolean[] sourceChosen;

    FacetCounter(IndexSnapshot snapshot, FacetTables tables, Set<SectionKind> kinds, Set<String> sources) {
        this.snapshot = snapshot;
        this.tables = tables;
        this.kinds = kinds;
        this.sources = sources;
        kinds.forEach(k -> kindChosen[k.ordinal()] = true);
        this.sourceChosen = new boolean[tables.sourceCount()];
        for (int s = 0; s < sourceChosen.length; s++) {
            sourceChosen[s] = sources.contains(tables.source(s));
        }
    }

    @Override
    public Leafs newCollector() {
        return new Leafs();
    }

    /**
     * The facets, and the articles matched by a section of the chosen kinds (any section when none is chosen): the
     * ranking pass's total, counted here rather than by a second collector that would read every match's article again.
     */
    record Counts(Facets facets, FixedBitSet articles) {
    }

    @Override
    public Counts reduce(Collection<Leafs> collectors) {
        // The first collector's sets gather the others' (a search cut into slices has one collector a slice): no
        // fresh sets of every article to clear, and no walk over every article for the source counts.
        Leafs all = collectors.isEmpty() ? new Leafs() : collectors.iterator().next();
        for (Leafs c : collectors) {
            if (c != all) {
                for (int k = 0; k < KINDS; k++) {
                    all.byKind[k].or(c.byKind[k]);
                }
                all.forSources.or(c.forSources);
                all.matched.or(c.matched);
            }
        }
        Map<String, Long> kindCounts = new LinkedHashMap<>();
        for (SectionKind kind : SectionKind.values()) {
            long n = all.byKind[kind.ordinal()].cardinality();
            if (n > 0) {
                kindCounts.put(kind.id(), n);
            }
        }
        long[] perSource = new long[tables.sourceCount()];
        for (int s = 0; s < perSource.length; s++) {
            perSource[s] = tables.articlesIn(s, all.forSources);
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < perSource.length; s++) {
            if (perSource[s] > 0) {
                order.add(s);
            }
        }
        // Biggest source first, then by name: a stable order for the chips.
        order.sort(Comparator.<Integer>comparingLong(s -> -perSource[s]).thenComparing(tables::source));
        Map<String, Long> sourceCounts = new LinkedHashMap<>();
        order.forEach(s -> sourceCounts.put(tables.source(s), perSource[s]));
        return new Counts(new Facets(kindCounts, sourceCounts), all.matched);
    }

    private FixedBitSet bits() {
        return new FixedBitSet(Math.max(1, snapshot.articleCount()));
    }

    /** Marks, per matching section, its article under its kind and for the source counts. */
    final class Leafs extends SectionCollector {
        final FixedBitSet[] byKind = new FixedBitSet[KINDS];
        final FixedBitSet forSources = bits();
        final FixedBitSet matched = bits();

        Leafs() {
            for (int k = 0; k < KINDS; k++) {
                byKind[k] = bits();
            }
        }

        @Override
        void collect(int doc) {
            int article = snapshot.articleOf(doc);
            if (article < 0) {
                return;
            }
            int kind = tables.kindOf(doc);
            if (kinds.isEmpty() || kind >= 0 && kindChosen[kind]) {
                matched.set(article);
            }
            if (kind < 0) {
                return;
            }
            int source = tables.sourceOf(article);
            if (sources.isEmpty() || (source >= 0 && sourceChosen[source])) {
                byKind[kind].set(article);
            }
            if (kinds.isEmpty() || kinds.contains(SectionKind.values()[kind])) {
                forSources.set(article);
            }
        }
    }
}
