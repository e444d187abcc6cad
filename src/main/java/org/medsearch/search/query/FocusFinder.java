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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.document.Document;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the focus of a question: the conditions, drugs and tests it names, using the titles and aliases
 * of the indexed articles as the dictionary (their analysed forms, so 'Noonan syndromes' finds
 * 'Noonan syndrome'). Longest names win; names do not overlap. A name the articles only write as an
 * abbreviation ('MG', 'NPH') counts only when the question writes it in capitals too and not after a
 * number: 'MG symptoms' names myasthenia gravis, '5 mg of' and 'I have nph' do not. A name made only of
 * words found in many sections ('pain', 'blood', 'medicines') says little about which article is meant
 * and is no focus.
 */
public final class FocusFinder {
    /**
     * A name every word of which is in more than this share of the sections is too common to be a focus.
     * Measured on the dev questions (nDCG@10 change, all four figures): 0.03 and 0.07 each lower one
     * figure slightly, 0.05 raises all four, 0.1 raises three a little; 0.2 drops nothing.
     */
    private static final double COMMON_SHARE = 0.05;
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.,/]*");
    private final PhraseScanner names;
    /** The most articles read to tell an abbreviation from a word. */
    private static final int MAX_ARTICLES_READ = 50;
    /** One-word name keys seen so far, true for those every article writes in capitals ('mg' for 'MG'). */
    private final Map<String, Boolean> abbreviations = new ConcurrentHashMap<>();
    private final IndexReader reader;

    private FocusFinder(PhraseScanner names, IndexReader reader) {
        this.names = names;
        this.reader = reader;
    }

    /**
     * The titles looked up so far, by name key. Only keys of this dictionary are stored (a key no article
     * carries is answered, not kept), so the map never outgrows it; every question naming 'diabetes' read the
     * same article's stored fields again (the profile put it at 2.4% of a keyword search).
     */
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    /** Title searches run (tests bound the work with it). */
    private final java.util.concurrent.atomic.LongAdder titleLookups = new java.util.concurrent.atomic.LongAdder();

    /** The title a person reads for a name key: the article's own title ('dvt' -> 'Deep vein thrombosis'). */
    public String title(String key) {
        String known = titles.get(key);
        if (known != null) {
            return known;
        }
        try {
            titleLookups.increment();
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(articlesNamed(key), 1);
            if (top.scoreDocs.length == 0) {
                return key;
            }
            String title = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
            if (title != null) {
                titles.put(key, title);
            }
            return title;
        } catch (IOException e) {
            return key;
        }
    }

    /** The article documents that carry {@code key} as the key of their title or of one of their names. */
    private static Query articlesNamed(String key) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TITLE_KEY, key)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), BooleanClause.Occur.FILTER).build();
    }

    /** Title searches run so far (see {@link #title}). */
    public long titleLookups() {
        return titleLookups.sum();
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

    /**
     * True for a one-word name written in capitals ('MG', 'EDS', 'ChILD') by every article that has it:
     * when some article writes the same key as a word ('Pain', 'Shock'), it is a word and needs no
     * capitals. Decided when a question first names it (a search and a few stored names) and remembered,
     * so opening an index reads no article.
     */
    private boolean abbreviation(String key) {
        return abbreviations.computeIfAbsent(key, k -> {
            try {
                IndexSearcher searcher = new IndexSearcher(reader);
                boolean capitals = false;
                for (ScoreDoc hit : searcher.search(articlesNamed(k), MAX_ARTICLES_READ).scoreDocs) {
                    Document doc = searcher.storedFields().document(hit.doc, Set.of(Fields.TITLE, Fields.ALIASES));
                    List<String> written = new ArrayList<>(List.of(doc.getValues(Fields.ALIASES)));
                    written.add(doc.get(Fields.TITLE) == null ? "" : doc.get(Fields.TITLE));
                    for (String name : written) {
                        if (Analyzers.key(name).equals(k)) {
                            if (!inCapitals(name.strip())) {
                                return false;
                            }
                            capitals = true;
                        }
                    }
                }
                return capitals;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A word written mostly in capitals, at least two of them ('MG', 'NSAIDs', 'ChILD'; not 'Pain', 'mg'). */
    static boolean inCapitals(String word) {
        long upper = word.chars().filter(Character::isUpperCase).count();
        long lower = word.chars().filter(Character::isLowerCase).count();
        return upper >= 2 && upper > lower;
    }

    /** True when each word of a name is in more than {@link #COMMON_SHARE} of the sections' bodies. */
    private boolean common(String name) {
        try {
            int sections = Math.max(1, reader.getDocCount(Fields.BODY));
            for (String word : name.split(" ")) {
                if (reader.docFreq(new Term(Fields.BODY, word)) <= COMMON_SHARE * sections) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The names found in a question's analysed tokens, longest first at each position, in order. */
    public List<String> find(List<String> tokens) {
        return names.scan(tokens);
    }

    /**
     * The names found in a question's analysed tokens, {@code typed} holding each token as typed: an
     * abbreviation counts only written in capitals and not right after a number (a unit: '5 mg').
     */
    public List<String> find(List<String> tokens, List<String> typed) {
        List<String> found = new ArrayList<>();
        for (PhraseScanner.Match m : names.matches(tokens)) {
            if (m.length() == 1 && abbreviation(m.phrase())) {
                boolean afterNumber = m.start() > 0 && NUMBER.matcher(typed.get(m.start() - 1)).matches();
                if (afterNumber || !inCapitals(typed.get(m.start()))) {
                    continue;
                }
            }
            if (!common(m.phrase())) {
                found.add(m.phrase());
            }
        }
        return found;
    }
}
