package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Snippets of section text: whole sentences around the matched words, as text plus match ranges
 * ({@link Snippet}). Lucene's UnifiedHighlighter reads match offsets from the postings, so no hit's text
 * is re-analysed, and it runs only over the sections shown.
 */
final class Snippets {
    static final int PASSAGES = 2;
    private static final SnippetFormatter FORMATTER = new SnippetFormatter();

    private Snippets() {
    }

    /** Snippets for the given section documents, in the same order; a section without a match gets its opening. */
    static Snippet[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds) {
        if (docIds.length == 0) {
            return new Snippet[0];
        }
        DataHighlighter highlighter = new DataHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(FORMATTER)
                .withHighlightPhrasesStrictly(true));
        Query body = bodyOnly(query);
        try {
            Map<String, Object[]> out = highlighter.formatted(new String[] {Fields.BODY}, body == null ? query : body, docIds,
                    new int[] {PASSAGES});
            Object[] found = out.get(Fields.BODY);
            Snippet[] snippets = new Snippet[found.length];
            for (int i = 0; i < found.length; i++) {
                snippets[i] = found[i] == null ? Snippet.EMPTY : (Snippet) found[i];
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The parts of a query that match section text. The highlighter builds the query's matches once per
     * shown section, looking up every term; it uses only the body's, so the title, alias and heading
     * clauses (three of every word's four) are dropped first (the profile put those lookups at half of
     * highlighting). A query of an unknown shape is kept whole.
     */
    static Query bodyOnly(Query q) {
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause c : b.clauses()) {
                Query sub = c.occur() == BooleanClause.Occur.MUST_NOT ? null : bodyOnly(c.query());
                if (sub != null) {
                    out.add(sub, BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            return kept == 0 ? null : out.build();
        }
        if (q instanceof DisjunctionMaxQuery d) {
            List<Query> kept = d.getDisjuncts().stream().map(Snippets::bodyOnly).filter(java.util.Objects::nonNull).toList();
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.getFirst() : new DisjunctionMaxQuery(kept, 0f);
        }
        if (q instanceof BoostQuery b) {
            return bodyOnly(b.getQuery());
        }
        if (q instanceof TermQuery t) {
            return Fields.BODY.equals(t.getTerm().field()) ? q : null;
        }
        if (q instanceof PhraseQuery p) {
            return Fields.BODY.equals(p.getField()) ? q : null;
        }
        if (q instanceof MultiPhraseQuery p) {
            return p.getTermArrays().length > 0 && Fields.BODY.equals(p.getTermArrays()[0][0].field()) ? q : null;
        }
        return q;
    }

    /** The highlighter with its formatter's objects made reachable (Lucene keeps that method protected). */
    private static final class DataHighlighter extends UnifiedHighlighter {
        DataHighlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> formatted(String[] fields, Query query, int[] docIds, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, passages);
        }
    }
}
