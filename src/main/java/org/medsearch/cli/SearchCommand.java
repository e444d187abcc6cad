package org.medsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.medsearch.ingest.SectionKind;
import org.medsearch.search.LiveIndex;
import org.medsearch.search.SearchRequest;
import org.medsearch.search.SearchResults;
import org.medsearch.search.Snippet;
import org.medsearch.search.RankingConfig;
import org.medsearch.search.SemanticRanker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code medsearch search}: runs one query in the terminal and prints the best articles and sections. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index from the terminal.")
public final class SearchCommand implements Callable<Integer> {
    private static final String BOLD = "\u001b[1;33m";
    private static final String RESET = "\u001b[0m";

    @Mixin
    IndexOptions options = new IndexOptions();

    @Option(names = "--section", paramLabel = "KIND", split = ",", description = "Search only these kinds of section: ${COMPLETION-CANDIDATES}.")
    List<SectionKind> sections = List.of();

    @Option(names = "--size", description = "Number of articles (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int size;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query: words, \"phrases\", -excluded, kind:word.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        Set<SectionKind> kinds = sections.isEmpty() ? Set.of() : EnumSet.copyOf(sections);
        SearchRequest request = new SearchRequest(String.join(" ", words), kinds, 1, size);
        try (LiveIndex index = new LiveIndex(options.store())) {
            SearchResults results = SemanticRanker.searcher(index, RankingConfig.defaults()).search(request);
            PrintStream out = System.out;
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(results));
            } else {
                print(results, out, Terminal.isTerminal(1));
            }
        }
        return 0;
    }

    static void print(SearchResults results, PrintStream out, boolean terminal) {
        if (results.correctedFrom() != null) {
            out.printf("Showing results for: %s (nothing found for: %s)%n", results.query(), results.correctedFrom());
        } else if (results.suggestion() != null) {
            out.printf("Did you mean: %s%n", results.suggestion());
        }
        out.printf("%d articles (%d ms)%n", results.total(), results.tookMs());
        int rank = 1;
        for (SearchResults.ArticleHit hit : results.hits()) {
            out.printf("%n%2d. %s  [%s]  %.2f%n    %s%n", rank++, hit.title(), hit.source(), hit.score(), hit.url());
            for (SearchResults.SectionHit s : hit.sections()) {
                out.printf("    > %s (%s) #%s%n      %s%n", s.heading(), s.kind(), s.anchor(), plain(s.snippetData(), terminal));
            }
        }
    }

    /** The snippet for a terminal: the matched words in bold (or between asterisks when not a terminal). */
    static String plain(Snippet snippet, boolean terminal) {
        StringBuilder out = new StringBuilder();
        for (Snippet.Piece p : snippet.pieces()) {
            out.append(p.mark() ? (terminal ? BOLD : "*") + p.text() + (terminal ? RESET : "*") : p.text());
        }
        return out.toString();
    }
}
