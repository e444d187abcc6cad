package org.medsearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.medsearch.index.Fields;
import org.medsearch.ingest.Article;
import org.medsearch.ingest.Section;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 'More like this' for an article: Lucene's MoreLikeThis picks the article's most distinctive words
 * (frequent in it, rare in the corpus) and finds the other articles that share them most, with its
 * name words weighted higher since they say what the article is about.
 */
final class RelatedArticles {
    private static final Set<String> FIELDS = Set.of(Fields.ID, Fields.TITLE, Fields.URL, Fields.SOURCE);

    private RelatedArticles() {
    }

    static List<RelatedArticle> find(IndexSearcher searcher, Analyzer analyzer, Article article, int n) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {Fields.BODY});
        mlt.setMinTermFreq(2);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreqPct(25);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        StringBuilder text = new StringBuilder();
        for (Section s : article.units()) {
            text.append(s.heading()).append('\n').append(s.text()).append("\n\n");
        }
        BooleanQuery.Builder like = new BooleanQuery.Builder()
                .add(mlt.like(Fields.BODY, new StringReader(text.toString())), Occur.SHOULD);
        String names = article.title() + "\n" + String.join("\n", article.aliases());
        mlt.setMinTermFreq(1);
        mlt.setFieldNames(new String[] {Fields.TITLE});
        like.add(new BoostQuery(mlt.like(Fields.TITLE, new StringReader(names)), 2f), Occur.SHOULD);
        Query query = new BooleanQuery.Builder()
                .add(like.build(), Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, article.id())), Occur.MUST_NOT)
                .build();
        StoredFields stored = searcher.storedFields();
        List<RelatedArticle> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
            Document d = stored.document(sd.doc, FIELDS);
            out.add(new RelatedArticle(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.URL), d.get(Fields.SOURCE)));
        }
        return out;
    }
}
