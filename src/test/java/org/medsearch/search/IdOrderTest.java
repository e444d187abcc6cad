package org.medsearch.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.medsearch.index.Fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdOrderTest {
    @Test
    void ordersTiesAsLucenesStringSortDoesAcrossSegments() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("GARD/GARD_" + String.format("%07d", i * 37 % 1000) + (i % 3 == 0 ? "#Sec" + i : ""));
        }
        Collections.shuffle(ids, new Random(7));
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < ids.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField(Fields.ID, ids.get(i), Field.Store.NO));
                    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(ids.get(i))));
                    w.addDocument(d);
                    if (i % 100 == 99) {
                        w.commit();
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(3, reader.leaves().size(), "ids in three segments, so ranks are global, not per segment");
                IndexSearcher searcher = new IndexSearcher(reader);
                Sort lucene = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
                Sort ours = IdOrder.load(reader).byScoreThenId();
                for (int k : List.of(1, 10, 100, 300)) {
                    // Every document scores the same: the order is the id order alone.
                    assertEquals(docs(searcher.search(new MatchAllDocsQuery(), k, lucene)),
                            docs(searcher.search(new MatchAllDocsQuery(), k, ours)), "top " + k);
                }
            }
        }
    }

    private static List<Integer> docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(sd -> sd.doc).toList();
    }
}
