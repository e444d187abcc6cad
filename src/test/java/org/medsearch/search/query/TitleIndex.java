package org.medsearch.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;

import java.io.IOException;

/** A small in-memory index for the query tests: one document a title, with the real analysers and fields. */
final class TitleIndex {
    private TitleIndex() {
    }

    /** Opens a reader over one document per title, the title also standing as its body and words. */
    static DirectoryReader open(String... titles) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.indexing()))) {
            for (String text : titles) {
                Document d = new Document();
                d.add(new TextField(Fields.TITLE, text, Field.Store.NO));
                d.add(new TextField(Fields.BODY, text, Field.Store.NO));
                d.add(new TextField(Fields.WORDS, text, Field.Store.NO));
                w.addDocument(d);
            }
        }
        return DirectoryReader.open(dir);
    }
}
