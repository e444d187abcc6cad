package org.medsearch.bench;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.medsearch.index.Fields;
import org.medsearch.index.IndexStore;
import org.medsearch.ingest.SectionKind;
import org.medsearch.search.SearchRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A named list of search requests that the benchmark cycles through. */
record QueryMix(String name, List<SearchRequest> requests) {
    /** Kinds the section-scoped mix rotates through: the ones users ask for most. */
    private static final List<SectionKind> SCOPES = List.of(SectionKind.CAUSES, SectionKind.SYMPTOMS,
            SectionKind.TREATMENT, SectionKind.DIAGNOSIS, SectionKind.PREVENTION);
    private static final int MAX_KEYWORD_QUERIES = 300;

    /** Every mix the benchmark runs on an index: the LiveQA questions (when {@code queries} has them), the keywords, the scoped keywords. */
    static List<QueryMix> all(Path queries, Path index) throws IOException {
        List<QueryMix> mixes = new ArrayList<>(liveQa(queries));
        mixes.addAll(fromTitles(new IndexStore(index).current().orElseThrow()));
        return mixes;
    }

    /** The LiveQA questions as written and as summarised, from {@code id<TAB>text} files; empty if absent. */
    static List<QueryMix> liveQa(Path dir) throws IOException {
        List<SearchRequest> requests = new ArrayList<>();
        for (String name : List.of("liveqa-dev-queries.tsv", "liveqa-dev-queries-summary.tsv")) {
            Path file = dir == null ? null : dir.resolve(name);
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.substring(tab + 1).isBlank()) {
                    requests.add(SearchRequest.of(line.substring(tab + 1).trim()));
                }
            }
        }
        return requests.isEmpty() ? List.of() : List.of(new QueryMix("liveqa", requests));
    }

    /** Short keyword queries (first one or two words of article titles) and the same scoped to a section kind. */
    static List<QueryMix> fromTitles(Path indexGeneration) throws IOException {
        List<String> keywords = new ArrayList<>(keywordsFromTitles(indexGeneration));
        List<SearchRequest> plain = new ArrayList<>();
        List<SearchRequest> scoped = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            plain.add(SearchRequest.of(keywords.get(i)));
            scoped.add(new SearchRequest(keywords.get(i), Set.of(SCOPES.get(i % SCOPES.size())), 1, 10));
        }
        return List.of(new QueryMix("keywords", plain), new QueryMix("section-scoped", scoped));
    }

    private static Set<String> keywordsFromTitles(Path gen) throws IOException {
        List<String> titles = new ArrayList<>();
        try (Directory dir = FSDirectory.open(gen); DirectoryReader reader = DirectoryReader.open(dir)) {
            StoredFields stored = reader.storedFields();
            Set<String> seen = new LinkedHashSet<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String title = stored.document(doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
                if (title != null && seen.add(title)) {
                    titles.add(title);
                }
            }
        }
        // An even spread over the corpus, the same on every run.
        int step = Math.max(1, titles.size() / MAX_KEYWORD_QUERIES);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < titles.size() && out.size() < MAX_KEYWORD_QUERIES; i += step) {
            String[] words = titles.get(i).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
            String q = words.length == 1 || i % 2 == 0 ? words[0] : words[0] + " " + words[1];
            if (!q.isBlank()) {
                out.add(q);
            }
        }
        return out;
    }
}
