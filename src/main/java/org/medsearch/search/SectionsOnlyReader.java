package org.medsearch.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A snapshot's reader in which only section documents are live: the ranking pass searches it without the type
 * filter that every section query otherwise carries. In a conjunction that filter either led (every section of
 * the index visited, the question's words advanced to each) or was advanced on every match; live documents are
 * checked with a bit test before a match is scored. Scores are unchanged: BM25 reads its statistics from the
 * terms, which still count every document. The same approach as Elasticsearch's document-level security reader.
 */
final class SectionsOnlyReader extends FilterDirectoryReader {
    private SectionsOnlyReader(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                try {
                    return new SectionsLeaf(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** The sections of {@code reader}, the same documents under the same numbers. */
    static SectionsOnlyReader of(DirectoryReader reader) throws IOException {
        try {
            return new SectionsOnlyReader(reader);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new SectionsOnlyReader(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        // Its live documents are not the index's: nothing cached for the index may be reused for it.
        return null;
    }

    /** One segment with its non-section documents (and its deleted ones) not live. */
    private static final class SectionsLeaf extends FilterLeafReader {
        private final FixedBitSet live;
        private final int count;

        SectionsLeaf(LeafReader in) throws IOException {
            super(in);
            live = new FixedBitSet(in.maxDoc());
            PostingsEnum sections = in.postings(new Term(Fields.TYPE, Fields.TYPE_SECTION), PostingsEnum.NONE);
            Bits alive = in.getLiveDocs();
            if (sections != null) {
                for (int d = sections.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = sections.nextDoc()) {
                    if (alive == null || alive.get(d)) {
                        live.set(d);
                    }
                }
            }
            count = live.cardinality();
        }

        @Override
        public Bits getLiveDocs() {
            return live;
        }

        @Override
        public int numDocs() {
            return count;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
