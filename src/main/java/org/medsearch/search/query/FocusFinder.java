package org.medsearch.search.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the focus of a question: the conditions, drugs and tests it names, using the titles and aliases
 * of the indexed articles as the dictionary (their analysed forms, so 'Noonan syndromes' finds
 * 'Noonan syndrome'). Longest names win; names do not overlap.
 */
public final class FocusFinder {
    private final PhraseScanner names;
    private final IndexReader reader;

    private FocusFinder(PhraseScanner names, IndexReader reader) {
        this.names = names;
        this.reader = reader;
    }

    /** The title a person reads for a name key: the article's own title ('dvt' -> 'Deep vein thrombosis'). */
    public String title(String key) {
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.TITLE_KEY, key)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), BooleanClause.Occur.FILTER).build();
            TopDocs top = searcher.search(q, 1);
            return top.scoreDocs.length == 0 ? key
                    : searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
        } catch (IOException e) {
            return key;
        }
    }

    /** Loads the dictionary from the index's name keys. */
    public static FocusFinder load(IndexReader reader) throws IOException {
        Set<String> names = new HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, Fields.TITLE_KEY);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String name = t.utf8ToString();
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return new FocusFinder(new PhraseScanner(names), reader);
    }

    /** The names found in a question's analysed tokens, longest first at each position, in order. */
    public List<String> find(List<String> tokens) {
        return names.scan(tokens);
    }
}
