package org.medsearch.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** A collector that needs no scores and sees each matching section by its index-wide document number. */
abstract class SectionCollector implements Collector {
    /** Called once per matching section, with the document number across all leaves. */
    abstract void collect(int doc);

    @Override
    public final LeafCollector getLeafCollector(LeafReaderContext context) {
        int base = context.docBase;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) {
                SectionCollector.this.collect(base + doc);
            }
        };
    }

    @Override
    public final ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
