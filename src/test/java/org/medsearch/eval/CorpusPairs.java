package org.medsearch.eval;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.search.LiveIndex;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Experiment tool, not a test: questions drawn from the corpus itself, for fitting ranking knobs without the dev
 * questions. A section whose heading is a question ('What are the treatments for Noonan syndrome?') becomes a query,
 * and that section (grade 3) and its article are the answer; a fixed seed picks the same sample every run.
 *
 * <p>Usage: {@code CorpusPairs INDEX N OUT_PREFIX} writes {@code OUT_PREFIX-queries.tsv}, {@code -qrels-sections.txt}
 * and {@code -qrels-articles.txt} in the LiveQA files' formats.
 */
public final class CorpusPairs {
    private CorpusPairs() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        String prefix = args[2];
        try (LiveIndex live = new LiveIndex(new IndexStore(Path.of(args[0])))) {
            List<String[]> pairs = live.withSnapshot(snapshot -> {
                try {
                    IndexSearcher searcher = new IndexSearcher(snapshot.reader());
                    List<String[]> out = new ArrayList<>();
                    for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SECTION)), Integer.MAX_VALUE).scoreDocs) {
                        Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.ARTICLE_ID, Fields.HEADING));
                        String heading = d.get(Fields.HEADING);
                        // Only headings that are questions about their article; 'Do you have more information?' is no query.
                        if (heading != null && heading.trim().endsWith("?") && heading.split("\\s+").length >= 4
                                && !heading.toLowerCase().contains("more information")) {
                            out.add(new String[]{d.get(Fields.ID), d.get(Fields.ARTICLE_ID), heading.trim().replaceAll("\\s+", " ")});
                        }
                    }
                    out.sort((a, b) -> a[0].compareTo(b[0]));
                    return out;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Collections.shuffle(pairs, new Random(14));
            try (PrintStream q = new PrintStream(Files.newOutputStream(Path.of(prefix + "-queries.tsv")));
                 PrintStream s = new PrintStream(Files.newOutputStream(Path.of(prefix + "-qrels-sections.txt")));
                 PrintStream a = new PrintStream(Files.newOutputStream(Path.of(prefix + "-qrels-articles.txt")))) {
                for (int i = 0; i < Math.min(n, pairs.size()); i++) {
                    String[] p = pairs.get(i);
                    int id = 10000 + i;
                    q.println(id + "\t" + p[2]);
                    s.println(id + " 0 " + p[0] + " 3");
                    a.println(id + " 0 " + p[1] + " 3");
                }
            }
            System.err.println(pairs.size() + " question headings, " + Math.min(n, pairs.size()) + " written");
        }
    }
}
