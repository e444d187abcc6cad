package org.medsearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.medsearch.index.Analyzers;
import org.medsearch.index.Fields;
import org.medsearch.ingest.SectionKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Turns a parsed {@link UserQuery} into Lucene queries over section documents. Queries are built from
 * analysed tokens, never by re-parsing text, so nothing a person types can be read as query syntax.
 */
public final class QueryBuilder {
    /** More distinct words than this (a pasted page) add little but cost time; the first ones are kept. */
    static final int MAX_TERMS = 64;
    static final int MAX_PHRASES = 8;
    /**
     * Corrections named per query: each costs one more spelling lookup, and a pasted page of junk could
     * have dozens; past this a corrected word reads as typed (LiveQA questions have at most 2).
     */
    static final int MAX_NAMED_CORRECTIONS = 8;

    private final Analyzer analyzer;
    private final org.apache.lucene.util.QueryBuilder phrases;
    private final QueryWeights weights;

    public QueryBuilder(Analyzer analyzer, QueryWeights weights) {
        this.analyzer = analyzer;
        this.phrases = new org.apache.lucene.util.QueryBuilder(analyzer);
        this.weights = weights;
    }

    /**
     * The parts of a built query: what to match and rank, what to highlight, what to exclude. With common words
     * that only add ({@link #withCommonWords}), {@code split} holds the same query in two parts; otherwise null.
     * {@code inSections} is {@code sectionQuery} for a reader whose only live documents are sections: without the
     * type filter, which on such a reader only costs (it led or was advanced on every match), the kinds' kept.
     */
    public record Built(Query sectionQuery, Query inSections, Query highlightQuery, Query exclusionQuery,
                        Understanding understood, Query filter, boolean plain, CommonSplit split) {
    }

    /**
     * A query with common words that only add, in two parts whose scores sum to the whole query's.
     *
     * @param matches  the same sections as the whole query, scored without the common words, for a reader whose
     *                 only live documents are sections (no type filter: see {@link Built})
     * @param common   the common words alone (each a SHOULD clause): what they add to a matching section
     * @param postings the documents the common words are in, summed over the words (their text's document frequency)
     */
    public record CommonSplit(Query matches, Query common, long postings) {
    }

    /**
     * What query understanding brings from the index: spelling, the dictionary of article names and how common a
     * word is (the number of documents whose text has the stem, of {@code docs}; null: not known).
     */
    public record Context(TermCorrector corrector, FocusFinder focus, ToIntFunction<String> docFreq, int docs) {
        static final Context NONE = new Context(t -> t, null, null, 0);

        /** A context that knows nothing of how common words are: every word may match on its own. */
        public Context(TermCorrector corrector, FocusFinder focus) {
            this(corrector, focus, null, 0);
        }
    }

    /**
     * Builds the section query for a parsed query and an optional set of section kinds to search in.
     */
    public Built build(UserQuery query, Set<SectionKind> kinds) {
        return build(query, kinds, Context.NONE);
    }

    /** Maps a query word to the index's spelling of it (or itself). */
    @FunctionalInterface
    public interface TermCorrector {
        String correct(String token);

        /** The readable word for a corrected stem, to show the person; null when there is none. */
        default String readable(String typed, String stem) {
            return null;
        }
    }

    /**
     * Builds the section query; plain words the index does not know go through the corrector, and
     * question filler ('hi', 'thanks', 'wondering') is dropped from long questions.
     */
    public Built build(UserQuery query, Set<SectionKind> kinds, Context context) {
        Parts parts = new Parts();
        for (UserQuery.Clause c : query.clauses()) {
            if (c.excluded()) {
                excludeClause(parts, c);
            } else {
                addClause(parts, c, context);
            }
        }
        if (!parts.hasPositive) {
            Query none = new MatchNoDocsQuery("no searchable words");
            return new Built(none, none, none, null, Understanding.EMPTY, none, false, null);
        }
        if (parts.hasScoped) {
            // A section must satisfy one of the kind-scoped parts; plain words then add to its score.
            parts.main.add(parts.scoped.build(), Occur.MUST);
        }
        addSynonyms(parts);
        BooleanQuery core = parts.main.build();
        Query main = parts.common.isEmpty() ? core : withCommonWords(parts, core);
        List<String> focus = context.focus() == null ? List.of() : context.focus().find(parts.sequence, parts.typed);
        Set<SectionKind> asks = QuestionIntent.asks(parts.plainText.toString());
        Query sectionFilter = sectionFilter(kinds);
        Query positive = boosted(main, focus, asks);
        CommonSplit split = parts.common.isEmpty() || !commonOnlyAdds(parts) ? null
                : new CommonSplit(inSections(boosted(core, focus, asks), kinds), commonWords(parts), parts.commonPostings);
        Understanding understood = new Understanding(focus, asks.stream().map(SectionKind::id).toList(), List.copyOf(parts.terms),
                List.copyOf(parts.words), List.copyOf(parts.corrections), List.copyOf(parts.synonyms), List.of());
        BooleanQuery excluded = parts.excluded.build();
        return new Built(sections(positive, sectionFilter), inSections(positive, kinds), parts.highlight.build(),
                excluded.clauses().isEmpty() ? null : excluded, understood, sectionFilter, parts.plain(), split);
    }

    private static Query sections(Query positive, Query sectionFilter) {
        return new BooleanQuery.Builder().add(positive, Occur.MUST).add(sectionFilter, Occur.FILTER).build();
    }

    private static Query inSections(Query positive, Set<SectionKind> kinds) {
        return kinds == null || kinds.isEmpty() ? positive
                : new BooleanQuery.Builder().add(positive, Occur.MUST).add(kindFilter(kinds), Occur.FILTER).build();
    }

    /** The parts of a query gathered clause by clause, in the order typed. */
    private static final class Parts {
        final BooleanQuery.Builder main = new BooleanQuery.Builder();
        final BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        final BooleanQuery.Builder scoped = new BooleanQuery.Builder();
        final BooleanQuery.Builder excluded = new BooleanQuery.Builder();
        /** Plain words too common to match on their own (see {@link QueryWeights#commonWordShare()}), one query each. */
        final List<Query> common = new ArrayList<>();
        /** The documents the common words are in, summed over the words. */
        long commonPostings;
        /** True when some plain word is in the index and not common: the common words then only add to the score. */
        boolean hasDistinctive;
        /** The words and phrases searched for, as shown in {@link Understanding#terms()}. */
        final Set<String> terms = new LinkedHashSet<>();
        /** The terms in readable words, for {@link Understanding#words()}; corrections and synonyms named apart. */
        final List<String> words = new ArrayList<>();
        final List<Understanding.Correction> corrections = new ArrayList<>();
        final Set<String> synonyms = new LinkedHashSet<>();
        int readableLookups;
        /** The plain words in order (corrected, filler dropped), where focus and synonyms are found. */
        final List<String> sequence = new ArrayList<>();
        /** The same words as typed, one for each of {@link #sequence}: an abbreviation must be in capitals. */
        final List<String> typed = new ArrayList<>();
        /** The unscoped plain words as typed, where the intent of the question is read. */
        final StringBuilder plainText = new StringBuilder();
        boolean hasScoped;
        boolean hasPositive;
        int phraseCount;

        /** True for plain words only: no quoted phrase and no kind-scoped part. */
        boolean plain() {
            return !hasScoped && phraseCount == 0;
        }
    }

    /** An excluded word leaves out articles with that word; an excluded phrase only those with the phrase. */
    private void excludeClause(Parts parts, UserQuery.Clause c) {
        if (c.phrase()) {
            Query phrase = phrase(c.text());
            if (phrase != null) {
                parts.excluded.add(phrase, Occur.SHOULD);
            }
        } else {
            tokens(c.text()).forEach(t -> parts.excluded.add(anyField(t), Occur.SHOULD));
        }
    }

    /** Adds one wanted clause (a phrase or plain words, maybe kind-scoped) to the parts. */
    private void addClause(Parts parts, UserQuery.Clause c, Context context) {
        Query part;
        if (c.phrase() && parts.phraseCount < MAX_PHRASES) {
            part = phrase(c.text());
            parts.phraseCount++;
            parts.terms.addAll(tokens(c.text()));
            parts.words.add("\"" + c.text().strip() + "\"");
        } else {
            part = words(parts, c, context);
        }
        if (part == null) {
            return;
        }
        parts.hasPositive = true;
        if (c.scoped()) {
            parts.hasScoped = true;
            parts.scoped.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.KIND, c.kind().id())), Occur.FILTER)
                    .add(part, Occur.MUST).build(), Occur.SHOULD);
        } else if (c.phrase()) {
            // A quoted phrase is a requirement, as on every web search engine.
            parts.main.add(part, Occur.MUST);
        } else {
            parts.main.add(part, Occur.SHOULD);
        }
        parts.highlight.add(part, Occur.SHOULD);
    }

    /**
     * The plain words of a clause, filler dropped and spelling corrected, any of which may match; null
     * when none is left. Past {@link #MAX_TERMS} distinct words only a scoped clause repeats known ones.
     */
    private Query words(Parts parts, UserQuery.Clause c, Context context) {
        TermCorrector corrector = context.corrector();
        List<String> toks = new ArrayList<>();
        for (Analyzers.Token token : Analyzers.tokensAsTyped(c.text())) {
            String raw = token.term();
            if (QuestionFiller.isFiller(raw)) {
                continue;
            }
            String t = corrector.correct(raw);
            parts.sequence.add(t);
            parts.typed.add(token.typed());
            if (parts.terms.size() < MAX_TERMS && parts.terms.add(t)) {
                toks.add(t);
                parts.words.add(readable(parts, token.typed(), raw, t, corrector));
            } else if (c.scoped() && parts.terms.contains(t)) {
                toks.add(t);
            }
        }
        if (!c.scoped()) {
            parts.plainText.append(c.text()).append(' ');
        }
        if (toks.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int distinctive = 0;
        for (String t : toks) {
            int df = c.scoped() || context.docFreq() == null || weights.commonWordShare() <= 0 ? -1
                    : context.docFreq().applyAsInt(t);
            if (df == 0 || isCommon(df, context.docs())) {
                parts.common.add(word(t));
                parts.commonPostings += df;
                parts.highlight.add(word(t), Occur.SHOULD);
            } else {
                words.add(word(t), Occur.SHOULD);
                distinctive += df > 0 ? 1 : 0;
            }
        }
        parts.hasDistinctive |= distinctive > 0;
        parts.hasPositive = true;
        BooleanQuery built = words.build();
        return built.clauses().isEmpty() ? null : built;
    }

    /**
     * A word in over {@link QueryWeights#commonWordShare()} of the documents, and in at least
     * {@link QueryWeights#commonWordDocs()} of them: in a small corpus every word matches on its own, since a
     * topic's own words fill a tenth of a few hundred documents and leaving them out would cost answers, not work.
     */
    private boolean isCommon(int df, int docs) {
        return df > weights.commonWordShare() * docs && df >= weights.commonWordDocs();
    }

    /**
     * The query with its common words ('pain', 'heart', 'treatment': in over {@link QueryWeights#commonWordShare()} of
     * the documents) as score only. A section must match the rest (a rarer word, a synonym, a phrase); each common word
     * it has adds what it added before, so the sections that match score as they did (to float rounding: the same sum
     * in another order). A section with nothing but common words is no longer a match: it is not what the question
     * is about, and scoring and counting those sections was most of a long question's work, growing with the corpus.
     * Lucene's {@code CommonTermsQuery} does this for one field; here a word spans four fields, beside the synonyms.
     * With no rarer word that the index has, every word matches on its own, as before.
     */
    private static Query withCommonWords(Parts parts, BooleanQuery core) {
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        if (commonOnlyAdds(parts)) {
            main.add(core, Occur.MUST);
        } else {
            core.clauses().forEach(main::add);
        }
        parts.common.forEach(q -> main.add(q, Occur.SHOULD));
        return main.build();
    }

    /** True when a section must match something besides the common words, which then only add to its score. */
    private static boolean commonOnlyAdds(Parts parts) {
        return parts.hasDistinctive || parts.hasScoped || parts.phraseCount > 0;
    }

    private static Query commonWords(Parts parts) {
        BooleanQuery.Builder common = new BooleanQuery.Builder();
        parts.common.forEach(q -> common.add(q, Occur.SHOULD));
        return common.build();
    }

    /**
     * How a searched word reads: as typed, or for a corrected one the index's word for the stem searched
     * (named in the corrections too). A correction with no readable word shows as typed, never as a stem.
     */
    private static String readable(Parts parts, String typed, String stem, String searched, TermCorrector corrector) {
        if (searched.equals(stem) || parts.readableLookups >= MAX_NAMED_CORRECTIONS) {
            return typed;
        }
        parts.readableLookups++;
        String word = corrector.readable(typed, searched);
        if (word == null) {
            return typed;
        }
        parts.corrections.add(new Understanding.Correction(typed, word));
        return word;
    }

    /** Other names of what was asked about are searched too, below the words as typed. */
    private void addSynonyms(Parts parts) {
        if (weights.synonymBoost() <= 0) {
            return;
        }
        for (List<String> alts : MedicalSynonyms.bundled().find(parts.sequence).values()) {
            for (String alt : alts) {
                Query q = phrase(alt);
                if (q != null) {
                    parts.main.add(new BoostQuery(q, weights.synonymBoost()), Occur.SHOULD);
                    parts.highlight.add(q, Occur.SHOULD);
                    parts.terms.add(alt.toLowerCase(Locale.ROOT));
                    parts.synonyms.add(alt.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /**
     * The words must match; naming an article's subject and asking for its kind of section only add to
     * the score (as SHOULD clauses beside the MUST, they never match on their own).
     */
    private Query boosted(Query words, List<String> focus, Set<SectionKind> asks) {
        BooleanQuery.Builder positive = new BooleanQuery.Builder().add(words, Occur.MUST);
        for (String name : focus) {
            positive.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TITLE_KEY, name))),
                    weights.focusBoost()), Occur.SHOULD);
        }
        if (!asks.isEmpty() && weights.kindBoost() > 0) {
            positive.add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(Fields.KIND,
                    asks.stream().map(k -> new BytesRef(k.id())).toList())), weights.kindBoost()), Occur.SHOULD);
        }
        return positive.build();
    }

    /**
     * Sections only, of the given kinds if any. Kept apart from the positive part: beside a FILTER
     * clause Lucene would treat the SHOULD words as optional and match every section.
     */
    public static Query sectionFilter(Set<SectionKind> kinds) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SECTION)), Occur.FILTER);
        if (kinds != null && !kinds.isEmpty()) {
            filter.add(kindFilter(kinds), Occur.FILTER);
        }
        return filter.build();
    }

    private static Query kindFilter(Set<SectionKind> kinds) {
        return new TermInSetQuery(Fields.KIND, kinds.stream().map(k -> new BytesRef(k.id())).toList());
    }

    /** One analysed word across the section fields, title and aliases boosted. */
    private Query word(String token) {
        List<Query> fields = List.of(
                boost(new TermQuery(new Term(Fields.TITLE, token)), weights.titleBoost()),
                boost(new TermQuery(new Term(Fields.ALIASES, token)), weights.aliasBoost()),
                boost(new TermQuery(new Term(Fields.HEADING, token)), weights.headingBoost()),
                new TermQuery(new Term(Fields.BODY, token)));
        return new DisjunctionMaxQuery(fields, weights.tieBreaker());
    }

    private Query anyField(String token) {
        return new DisjunctionMaxQuery(List.of(
                new TermQuery(new Term(Fields.TITLE, token)),
                new TermQuery(new Term(Fields.ALIASES, token)),
                new TermQuery(new Term(Fields.BODY, token))), 0f);
    }

    /** A phrase in the body, heading or title; null when the phrase has no searchable words. */
    private Query phrase(String text) {
        List<Query> alternatives = new ArrayList<>();
        for (String field : List.of(Fields.BODY, Fields.HEADING, Fields.TITLE, Fields.ALIASES)) {
            Query q = phrases.createPhraseQuery(field, text);
            if (q != null) {
                alternatives.add(Fields.BODY.equals(field) ? q : boost(q, weights.titleBoost()));
            }
        }
        return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, weights.tieBreaker());
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** The analysed tokens of a piece of text (lower-cased, stemmed, stop words removed). */
    List<String> tokens(String text) {
        return Analyzers.tokens(text);
    }
}
