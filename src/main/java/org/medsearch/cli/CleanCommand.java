package org.medsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.medsearch.ingest.Article;
import org.medsearch.ingest.ArticleExtractor;
import org.medsearch.ingest.CorpusScanner;
import org.medsearch.ingest.Explainer;
import org.medsearch.ingest.Section;
import org.medsearch.ingest.SkippedFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medsearch clean}: runs only the cleaner on pages and prints what it extracted. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Runs only the cleaner on pages and prints the articles it extracts.",
                "For a DIR the ids are paths under it; for a FILE the id is its name without extension.",
                "Skipped files go to stderr as 'skipped <path>: <reason>'."})
public final class CleanCommand implements Callable<Integer> {
    /** Characters of each section's text shown in the outline. */
    private static final int PREVIEW_CHARS = 200;

    @Option(names = "--json", description = "One JSON object per article per line.")
    private boolean json;

    @Option(names = "--explain", description = "For each page, what the cleaner kept and dropped, block by block, "
            + "and the signal behind each decision; then the outline it extracted.")
    private boolean explain;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pages (.html, .htm, .xhtml, .txt) or folders.")
    private List<Path> paths = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("clean: no such file or directory: " + p);
                err.flush();
                return 1;
            }
        }
        ArticleExtractor extractor = new ArticleExtractor();
        int printed = 0;
        for (Path p : paths) {
            Path root = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            List<Path> files = Files.isDirectory(p)
                    ? CorpusScanner.list(p, skip -> skipped(err, skip.file(), skip.reason()))
                    : List.of(p);
            for (Path file : files) {
                Explainer explainer = explain ? new Explainer() : null;
                try {
                    Article a = extractor.extract(root, file, explainer);
                    printExplanation(out, file, explainer);
                    print(out, a);
                    printed++;
                } catch (SkippedFileException e) {
                    printExplanation(out, file, explainer);
                    skipped(err, file, e.getMessage());
                }
            }
        }
        out.flush();
        err.flush();
        if (printed == 0) {
            err.println("clean: no article extracted");
            err.flush();
            return 1;
        }
        return 0;
    }

    /** The cleaner's decisions on one page, stage by stage. */
    private static void printExplanation(PrintWriter out, Path file, Explainer explainer) {
        if (explainer == null) {
            return;
        }
        out.println("== " + file);
        String stage = null;
        for (Explainer.Entry e : explainer.entries()) {
            if (!e.stage().equals(stage)) {
                stage = e.stage();
                out.println("-- " + stage);
            }
            out.println(e);
        }
        out.println();
    }

    private static void skipped(PrintWriter err, Path file, String reason) {
        err.println("skipped " + file + ": " + reason);
    }

    private void print(PrintWriter out, Article a) throws JsonProcessingException {
        if (json) {
            out.println(mapper.writeValueAsString(toJson(a)));
        } else {
            printOutline(out, a);
        }
    }

    /**
     * The JSON shape: {id, title, url, source, aliases, sections: [{heading, anchor, kind, text, subsections}]},
     * where {@code subsections} (present when a section has any) holds sections of the same shape.
     */
    static Map<String, Object> toJson(Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("url", a.url());
        m.put("source", a.source());
        m.put("aliases", a.aliases());
        m.put("sections", toJson(a.sections()));
        return m;
    }

    private static List<Map<String, Object>> toJson(List<Section> sections) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("heading", s.heading());
            sm.put("anchor", s.anchor());
            sm.put("kind", s.kind().id());
            sm.put("text", s.text());
            if (!s.subsections().isEmpty()) {
                sm.put("subsections", toJson(s.subsections()));
            }
            out.add(sm);
        }
        return out;
    }

    private static void printOutline(PrintWriter out, Article a) {
        out.println("# " + a.title() + "  (" + a.id() + ")");
        out.println("url:     " + a.url());
        out.println("source:  " + a.source());
        if (!a.aliases().isEmpty()) {
            out.println("aliases: " + String.join("; ", a.aliases()));
        }
        printSections(out, a.sections(), "##");
        out.println();
    }

    private static void printSections(PrintWriter out, List<Section> sections, String marks) {
        for (Section s : sections) {
            String heading = s.heading().isEmpty() ? "(untitled)" : s.heading();
            out.println(marks + " " + heading + "  [" + s.kind().id() + "] #" + s.anchor());
            String flat = s.text().replaceAll("\\s+", " ").trim();
            if (!flat.isEmpty()) {
                out.println("   " + (flat.length() > PREVIEW_CHARS ? flat.substring(0, PREVIEW_CHARS) + "..." : flat));
            }
            printSections(out, s.subsections(), marks + "#");
        }
    }
}
