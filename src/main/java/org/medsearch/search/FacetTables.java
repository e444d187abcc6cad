package org.medsearch.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.index.Fields;
import org.medsearch.ingest.SectionKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-snapshot tables for facet counting: the kind of every section document and the source of every
 * article, read once from the postings of the exact KIND and SOURCE fields (so the index needs no doc
 * values for them), then looked up by array index for each matching document.
 */
final class FacetTables {
    private final byte[] kindOfDoc;
    private final int[] sourceOfArticle;
    private final String[] sources;
    /** Each source's articles: a source's count is the popcount of its articles among those matched. */
    private final FixedBitSet[] articlesOfSource;

    private FacetTables(byte[] kindOfDoc, int[] sourceOfArticle, String[] sources) {
        this.kindOfDoc = kindOfDoc;
        this.sourceOfArticle = sourceOfArticle;
        this.sources = sources;
        this.articlesOfSource = new FixedBitSet[sources.length];
        for (int s = 0; s < sources.length; s++) {
            articlesOfSource[s] = new FixedBitSet(sourceOfArticle.length);
        }
        for (int a = 0; a < sourceOfArticle.length; a++) {
            if (sourceOfArticle[a] >= 0) {
                articlesOfSource[sourceOfArticle[a]].set(a);
            }
        }
    }

    static FacetTables load(IndexSnapshot snapshot) throws IOException {
        IndexReader reader = snapshot.reader();
        byte[] kinds = new byte[reader.maxDoc()];
        Arrays.fill(kinds, (byte) -1);
        int[] sourceOf = new int[Math.max(1, snapshot.articleCount())];
        Arrays.fill(sourceOf, -1);
        List<String> names = new ArrayList<>();
        FixedBitSet articleDocs = docsWith(reader, Fields.TYPE, Fields.TYPE_ARTICLE);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms kindTerms = leaf.reader().terms(Fields.KIND);
            if (kindTerms != null) {
                TermsEnum e = kindTerms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    int ordinal = SectionKind.fromId(t.utf8ToString()).map(Enum::ordinal).orElse(-1);
                    PostingsEnum p = e.postings(null, PostingsEnum.NONE);
                    for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                        // Article documents list every kind they hold; only sections say which one matched.
                        if (!articleDocs.get(leaf.docBase + d)) {
                            kinds[leaf.docBase + d] = (byte) ordinal;
                        }
                    }
                }
            }
            Terms sourceTerms = leaf.reader().terms(Fields.SOURCE);
            if (sourceTerms != null) {
                TermsEnum e = sourceTerms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    String name = t.utf8ToString();
                    int ordinal = names.indexOf(name);
                    if (ordinal < 0) {
                        names.add(name);
                        ordinal = names.size() - 1;
                    }
                    PostingsEnum p = e.postings(null, PostingsEnum.NONE);
                    for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                        int article = snapshot.articleOf(leaf.docBase + d);
                        if (article >= 0) {
                            sourceOf[article] = ordinal;
                        }
                    }
                }
            }
        }
        return new FacetTables(kinds, sourceOf, names.toArray(String[]::new));
    }

    private static FixedBitSet docsWith(IndexReader reader, String field, String value) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum p = leaf.reader().postings(new org.apache.lucene.index.Term(field, value), PostingsEnum.NONE);
            if (p != null) {
                for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                    bits.set(leaf.docBase + d);
                }
            }
        }
        return bits;
    }

    /** The kind ordinal of a section document, or -1. */
    int kindOf(int doc) {
        return kindOfDoc[doc];
    }

    /** The source ordinal of an article number, or -1. */
    int sourceOf(int article) {
        return sourceOfArticle[article];
    }

    /** How many of {@code articles} (article numbers) come from this source. */
    long articlesIn(int source, FixedBitSet articles) {
        return FixedBitSet.intersectionCount(articlesOfSource[source], articles);
    }

    String source(int ordinal) {
        return sources[ordinal];
    }

    int sourceCount() {
        return sources.length;
    }
}
