package org.medsearch.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsearch.TestCorpus;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Searcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MedsearchCodecTest {
    @TempDir
    Path dir;

    @Test
    void reindexWritesEverySegmentWithTheSmallBlockCodec() throws Exception {
        IndexStore store = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("index"));
        try (Directory d = FSDirectory.open(store.current().orElseThrow())) {
            List<String> codecs = SegmentInfos.readLatestCommit(d).asList().stream()
                    .map(s -> s.info.getCodec().getName()).distinct().toList();
            assertEquals(List.of(MedsearchCodec.NAME), codecs);
        }
    }

    @Test
    void anIndexWrittenWithLucenesOwnCodecIsSearchedTheSame() throws Exception {
        IndexStore ours = TestCorpus.indexed(TestCorpus.mini(), dir.resolve("ours"));
        // The same segments copied with Lucene's default codec: an index built before this codec existed.
        Path oldRoot = dir.resolve("old");
        Path oldGen = oldRoot.resolve(ours.current().orElseThrow().getFileName());
        Files.createDirectories(oldGen);
        for (String f : List.of(IndexStore.CURRENT)) {
            Files.copy(ours.root().resolve(f), oldRoot.resolve(f));
        }
        try (Directory src = FSDirectory.open(ours.current().orElseThrow()); DirectoryReader reader = DirectoryReader.open(src);
             Directory dst = FSDirectory.open(oldGen);
             IndexWriter w = new IndexWriter(dst, new IndexWriterConfig().setCodec(Codec.getDefault()))) {
            w.addIndexes(reader.leaves().stream().map(l -> (CodecReader) l.reader()).toArray(CodecReader[]::new));
            w.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
            w.commit();
        }
        try (Directory d = FSDirectory.open(oldGen)) {
            for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(d)) {
                assertEquals(Codec.getDefault().getName(), s.info.getCodec().getName());
            }
        }
        for (String q : List.of("asthma", "what causes leg cramps", "treatment")) {
            SearchResults a = search(ours, q);
            SearchResults b = search(new IndexStore(oldRoot), q);
            assertFalse(a.hits().isEmpty(), q);
            assertEquals(a.with(a.suggestion(), a.correctedFrom(), a.facets(), 0),
                    b.with(b.suggestion(), b.correctedFrom(), b.facets(), 0), q);
        }
    }

    private static SearchResults search(IndexStore store, String q) throws Exception {
        try (LiveIndex index = new LiveIndex(store)) {
            return new Searcher(index).withoutResultCache().search(SearchRequest.of(q));
        }
    }
}
