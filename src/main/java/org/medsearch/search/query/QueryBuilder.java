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
import java.util.Set;

/**
 * Turns a parsed {@link UserQuery} into Lucene queries over section documents. Queries are built from
 * analysed tokens, never by re-parsing text, so nothing a person types can be read as query syntax.
 */
public final class QueryBuilder {
    /** More distinct words than this (a pasted page) add little but cost time; the first ones are kept. */
    static final int MAX_TERMS = 64;
    static final int MAX_PHRASES = 8;

    private final Analyzer analyzer;
    private final org.apache.lucene.util.QueryBuilder phrases;
    private final QueryWeights weights;

    public QueryBuilder(Analyzer analyzer, QueryWeights weights) {
        this.analyzer = analyzer;
        this.phrases = new org.apache.lucene.util.QueryBuilder(analyzer);
        this.weights = weights;
    }

    /** The parts of a built query: what to match and rank, what to highlight, what to exclude. */
    public record Built(Query sectionQuery, Query highlightQuery, Query exclusionQuery, Understanding understood,
                        Query filter, boolean plain) {
    }

    /** What query understanding brings from the index: spelling and the dictionary of article names. */
    public record Context(TermCorrector corrector, FocusFinder focus) {
        static final Context NONE = new Context(t -> t, null);
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
    }

    /**
     * Builds the section query; plain words the index does not know go through the corrector, and
     * question filler ('hi', 'thanks', 'wondering') is dropped from long questions.
     */
    public Built build(UserQuery query, Set<SectionKind> kinds, Context context) {
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        BooleanQuery.Builder scoped = new BooleanQuery.Builder();
        BooleanQuery.Builder excluded = new BooleanQuery.Builder();
        Set<String> terms = new LinkedHashSet<>();
        List<String> sequence = new ArrayList<>();
        StringBuilder plainText = new StringBuilder();
        boolean hasScoped = false;
        boolean hasExcluded = false;
        boolean hasPositive = false;
        int phraseCount = 0;
        for (UserQuery.Clause c : query.clauses()) {
            if (c.excluded()) {
                for (String t : tokens(c.text())) {
                    excluded.add(anyField(t), Occur.SHOULD);
                    hasExcluded = true;
                }
                continue;
            }
            Query part;
            if (c.phrase() && phraseCount < MAX_PHRASES) {
                part = phrase(c.text());
                phraseCount++;
                terms.addAll(tokens(c.text()));
            } else {
                List<String> toks = new ArrayList<>();
                for (String raw : tokens(c.text())) {
                    if (QuestionFiller.isFiller(raw)) {
                        continue;
                    }
                    String t = context.corrector().correct(raw);
                    sequence.add(t);
                    if (terms.size() < MAX_TERMS && terms.add(t)) {
                        toks.add(t);
                    } else if (c.scoped() && terms.contains(t)) {
                        toks.add(t);
                    }
                }
                if (!c.scoped()) {
                    plainText.append(c.text()).append(' ');
                }
                if (toks.isEmpty()) {
                    continue;
                }
                BooleanQuery.Builder words = new BooleanQuery.Builder();
                toks.forEach(t -> words.add(word(t), Occur.SHOULD));
                part = words.build();
            }
            if (part == null) {
                continue;
            }
            hasPositive = true;
            if (c.scoped()) {
                hasScoped = true;
                scoped.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.KIND, c.kind().id())), Occur.FILTER)
                        .add(part, Occur.MUST).build(), Occur.SHOULD);
            } else if (c.phrase()) {
                // A quoted phrase is a requirement, as on every web search engine.
                main.add(part, Occur.MUST);
            } else {
                main.add(part, Occur.SHOULD);
            }
            highlight.add(part, Occur.SHOULD);
        }
        if (!hasPositive) {
            Query none = new MatchNoDocsQuery("no searchable words");
            return new Built(none, none, null, Understanding.EMPTY, none, false);
        }
        if (hasScoped) {
            // A section must satisfy one of the kind-scoped parts; plain words then add to its score.
            main.add(scoped.build(), Occur.MUST);
        }
        // Other names of what was asked about are searched too, below the words as typed.
        if (weights.synonymBoost() > 0) {
            for (List<String> alts : MedicalSynonyms.bundled().find(sequence).values()) {
                for (String alt : alts) {
                    Query q = phrase(alt);
                    if (q != null) {
                        main.add(new BoostQuery(q, weights.synonymBoost()), Occur.SHOULD);
                        highlight.add(q, Occur.SHOULD);
                        terms.add(alt.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        List<String> focus = context.focus() == null ? List.of() : context.focus().find(sequence);
        Set<SectionKind> asks = QuestionIntent.asks(plainText.toString());
        // The words must match; naming an article's subject and asking for its kind of section only
        // add to the score (as SHOULD clauses beside the MUST, they never match on their own).
        BooleanQuery.Builder positive = new BooleanQuery.Builder().add(main.build(), Occur.MUST);
        for (String name : focus) {
            positive.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.TITLE_KEY, name))),
                    weights.focusBoost()), Occur.SHOULD);
        }
        if (!asks.isEmpty() && weights.kindBoost() > 0) {
            positive.add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(Fields.KIND,
                    asks.stream().map(k -> new BytesRef(k.id())).toList())), weights.kindBoost()), Occur.SHOULD);
        }
        // The positive part is wrapped, not mixed with the filters: beside a FILTER clause Lucene would
        // treat the SHOULD words as optional and match every section.
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SECTION)), Occur.FILTER);
        if (kinds != null && !kinds.isEmpty()) {
            List<BytesRef> ids = kinds.stream().map(k -> new BytesRef(k.id())).toList();
            filter.add(new TermInSetQuery(Fields.KIND, ids), Occur.FILTER);
        }
        Query sectionFilter = filter.build();
        BooleanQuery.Builder sections = new BooleanQuery.Builder()
                .add(positive.build(), Occur.MUST)
                .add(sectionFilter, Occur.FILTER);
        Understanding understood = new Understanding(focus, asks.stream().map(SectionKind::id).toList(), List.copyOf(terms));
        boolean plain = !hasScoped && phraseCount == 0;
        return new Built(sections.build(), highlight.build(), hasExcluded ? excluded.build() : null, understood,
                sectionFilter, plain);
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
