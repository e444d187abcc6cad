package org.medsearch.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Orders documents by id, as Lucene's string sort on {@link Fields#ID} does, from each document's rank among
 * all ids (its global ordinal), built once per generation: the string sort looked every hit that entered the
 * top k up in the compressed terms dictionary, to compare ids across segments (7% of a keyword search). The
 * ranks of all ids are those of their bytes, so the order, and every ranking that breaks ties by id, is the same.
 */
final class IdOrder extends FieldComparatorSource {
    private final int[] rank;
    private final Sort byScoreThenId = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, this));

    private IdOrder(int[] rank) {
        this.rank = rank;
    }

    /** Every document's id rank; a document without an id ranks first, as Lucene's sort puts a missing string. */
    static IdOrder load(IndexReader reader) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        SortedDocValues[] values = new SortedDocValues[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.ID);
        }
        OrdinalMap global = values.length > 1 ? OrdinalMap.build(null, values, PackedInts.DEFAULT) : null;
        int[] rank = new int[reader.maxDoc()];
        Arrays.fill(rank, -1);
        for (int i = 0; i < values.length; i++) {
            // The map read only each segment's terms, so its values still iterate from their first document.
            SortedDocValues ids = values[i];
            LongValues toGlobal = global == null ? LongValues.IDENTITY : global.getGlobalOrds(i);
            int base = leaves.get(i).docBase;
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                rank[base + doc] = (int) toGlobal.get(ids.ordValue());
            }
        }
        return new IdOrder(rank);
    }

    /** A document's rank among all ids (-1: it has none). */
    int rank(int doc) {
        return rank[doc];
    }

    /** Best score first, ties by id. */
    Sort byScoreThenId() {
        return byScoreThenId;
    }

    @Override
    public FieldComparator<Integer> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new Ranks(new int[numHits]);
    }

    /** The id ranks of the slots of a top-k queue. */
    private final class Ranks extends FieldComparator<Integer> {
        private final int[] slots;
        private int top;
        /** Kept here, not per segment: the collector names the bottom only when it changes, and later segments must see it. */
        private int bottom;

        Ranks(int[] slots) {
            this.slots = slots;
        }

        @Override
        public int compare(int slot1, int slot2) {
            return Integer.compare(slots[slot1], slots[slot2]);
        }

        @Override
        public void setTopValue(Integer value) {
            top = value;
        }

        @Override
        public Integer value(int slot) {
            return slots[slot];
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) {
            int base = context.docBase;
            return new LeafFieldComparator() {
                @Override
                public void setBottom(int slot) {
                    bottom = slots[slot];
                }

                @Override
                public int compareBottom(int doc) {
                    return Integer.compare(bottom, rank[base + doc]);
                }

                @Override
                public int compareTop(int doc) {
                    return Integer.compare(top, rank[base + doc]);
                }

                @Override
                public void copy(int slot, int doc) {
                    slots[slot] = rank[base + doc];
                }

                @Override
                public void setScorer(Scorable scorer) {
                }
            };
        }
    }
}
