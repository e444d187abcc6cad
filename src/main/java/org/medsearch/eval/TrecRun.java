package org.medsearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TREC run: a ranked list of documents per query, read and written as 6-column lines
 * {@code qid Q0 docid rank score tag}.
 *
 * <p>Every ranking is held in the order trec_eval evaluates it. trec_eval ignores the rank column
 * and re-sorts each query's lines by score, highest first, breaking ties by docid in
 * <em>descending</em> strcmp order (form_res_rels.c, comp_sim_docno: {@code strcmp(p2->docno,
 * p1->docno)}). {@link #read} sorts the same way; {@link #fromRankings} instead keeps the
 * engine's order and adjusts scores so that trec_eval's sort reproduces it.
 */
public final class TrecRun {

    /** The run tag written when the caller has no better name. */
    public static final String DEFAULT_TAG = "medsearch";

    /** trec_eval's ranking order: score descending, then docid descending by (unsigned) bytes. */
    static final Comparator<RankedDoc> TREC_EVAL_ORDER = Comparator
            .comparingDouble(RankedDoc::score).reversed()
            .thenComparing((a, b) -> compareBytes(b.docId(), a.docId()));

    private final String tag;
    private final Map<String, List<RankedDoc>> rankings;

    private TrecRun(String tag, Map<String, List<RankedDoc>> rankings) {
        this.tag = requireToken(tag, "run tag");
        this.rankings = Collections.unmodifiableMap(rankings);
    }

    /**
     * A run from the engine's rankings, best first, written so that trec_eval evaluates exactly
     * the order a user saw. Scores are kept at float precision (Lucene's own): older trec_eval
     * releases such as 9.0.4 (the one jtreceval bundles) read the score into a {@code float},
     * the current source into a {@code double} (trec_format.h, TEXT_RESULTS.sim), and the
     * shortest decimal of a float sorts the same way under both. Where trec_eval's re-sort would
     * still disagree with the engine's order (equal scores whose docids tie-break the other way,
     * or a score that rises), the later score is lowered to the next float below its
     * predecessor's. Queries with an empty ranking are left out, as they write no lines.
     *
     * @throws IllegalArgumentException if a ranking lists a doc twice (trec_eval aborts on that)
     */
    public static TrecRun fromRankings(String tag, Map<String, List<RankedDoc>> rankings) {
        Map<String, List<RankedDoc>> ordered = new LinkedHashMap<>();
        rankings.forEach((qid, ranking) -> {
            requireToken(qid, "query id");
            requireUnique(qid, ranking);
            if (!ranking.isEmpty()) {
                ordered.put(qid, List.copyOf(keepOrderUnderResort(ranking)));
            }
        });
        return new TrecRun(tag, ordered);
    }

    private static List<RankedDoc> keepOrderUnderResort(List<RankedDoc> ranking) {
        List<RankedDoc> adjusted = new ArrayList<>(ranking.size());
        for (RankedDoc doc : ranking) {
            RankedDoc candidate = new RankedDoc(doc.docId(), asWritten((float) doc.score()));
            if (!adjusted.isEmpty() && TREC_EVAL_ORDER.compare(adjusted.getLast(), candidate) >= 0) {
                float below = Math.nextDown((float) adjusted.getLast().score());
                candidate = new RankedDoc(doc.docId(), asWritten(below));
            }
            adjusted.add(candidate);
        }
        return adjusted;
    }

    // The double a reader gets from the float's shortest decimal: distinct floats stay distinct
    // and in order, and Double.toString writes that same short decimal back.
    private static double asWritten(float score) {
        return Double.parseDouble(Float.toString(score));
    }

    /** Reads a run file; see {@link #parse}. */
    public static TrecRun read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses run lines as trec_eval's get_trec_results.c does: whitespace-separated fields, the
     * iter and rank fields ignored, fields after the tag ignored, blank and '#' lines skipped, the
     * tag taken from the last line. Each query's docs are then sorted into trec_eval's order.
     */
    public static TrecRun parse(List<String> lines, String source) {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        String tag = DEFAULT_TAG;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 6) {
                throw new InputFormatException(source, i + 1,
                        "expected 6 fields 'qid Q0 docid rank score tag', found " + f.length);
            }
            if (!seen.computeIfAbsent(f[0], q -> new HashSet<>()).add(f[2])) {
                throw new InputFormatException(source, i + 1, "doc " + f[2] + " appears twice for query "
                        + f[0] + " (trec_eval rejects runs with duplicate docs)");
            }
            double score = parseScore(f[4], source, i + 1);
            rankings.computeIfAbsent(f[0], q -> new ArrayList<>()).add(new RankedDoc(f[2], score));
            tag = f[5];
        }
        rankings.replaceAll((qid, ranking) -> ranking.stream().sorted(TREC_EVAL_ORDER).toList());
        return new TrecRun(tag, rankings);
    }

    private static double parseScore(String field, String source, int lineNumber) {
        try {
            double score = Double.parseDouble(field);
            if (Double.isFinite(score)) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputFormatException(source, lineNumber, "score is not a finite number: " + field);
    }

    /** Writes the run, one line per retrieved doc, queries in insertion order. */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    /** Writes the run to {@code out}. */
    public void write(Writer out) throws IOException {
        for (Map.Entry<String, List<RankedDoc>> query : rankings.entrySet()) {
            int rank = 1;
            for (RankedDoc doc : query.getValue()) {
                // Double.toString prints the shortest decimal that reads back as the same double
                // (JDK 19+) and glibc's strtod behind trec_eval's atof rounds correctly, so
                // trec_eval sorts by exactly our scores: no fixed precision merges two of them.
                out.write(query.getKey() + " Q0 " + doc.docId() + " " + rank++ + " "
                        + doc.score() + " " + tag + "\n");
            }
        }
    }

    /** The run tag (last column). */
    public String tag() {
        return tag;
    }

    /** The ids of queries with at least one retrieved doc, in insertion order. */
    public Set<String> queryIds() {
        return rankings.keySet();
    }

    /** The query's docs in trec_eval's order; empty if the query retrieved nothing. */
    public List<RankedDoc> ranking(String queryId) {
        return rankings.getOrDefault(queryId, List.of());
    }

    private static void requireUnique(String qid, List<RankedDoc> ranking) {
        Set<String> seen = new HashSet<>();
        for (RankedDoc doc : ranking) {
            if (!seen.add(doc.docId())) {
                throw new IllegalArgumentException("doc " + doc.docId() + " appears twice for query "
                        + qid + " (trec_eval rejects runs with duplicate docs)");
            }
        }
    }

    /** Checks that a run field is non-empty and has no whitespace, which would shift the columns. */
    static String requireToken(String value, String what) {
        if (value == null || value.isEmpty() || !value.codePoints().noneMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be non-empty without whitespace: '" + value + "'");
        }
        return value;
    }

    // trec_eval compares docids with strcmp, i.e. by unsigned bytes; String.compareTo compares
    // UTF-16 units, which orders some non-ASCII ids differently.
    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
