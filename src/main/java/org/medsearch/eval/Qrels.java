package org.medsearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TREC relevance judgments: lines {@code qid iter docid grade}, fields separated by any whitespace.
 *
 * <p>Grades are integers; 0 means judged not relevant. As in trec_eval's get_qrels.c a line must
 * have exactly four fields and the iter field is ignored; like trec_eval's form_res_rels.c a doc
 * judged twice for one query is an error. Blank lines and lines starting with '#' are skipped
 * (trec_eval 9.0.4 rejects both as malformed).
 */
public final class Qrels {

    private final Map<String, Map<String, Integer>> gradesByQuery;

    private Qrels(Map<String, Map<String, Integer>> gradesByQuery) {
        this.gradesByQuery = gradesByQuery;
    }

    /** Reads a qrels file. */
    public static Qrels read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses qrels lines; {@code source} names them in error messages. */
    public static Qrels parse(List<String> lines, String source) {
        Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                throw new InputFormatException(source, i + 1,
                        "expected 4 fields 'qid iter docid grade', found " + fields.length);
            }
            int grade = parseGrade(fields[3], source, i + 1);
            Map<String, Integer> judged = grades.computeIfAbsent(fields[0], q -> new LinkedHashMap<>());
            if (judged.putIfAbsent(fields[2], grade) != null) {
                throw new InputFormatException(source, i + 1,
                        "doc " + fields[2] + " judged twice for query " + fields[0]);
            }
        }
        return new Qrels(freeze(grades));
    }

    private static int parseGrade(String field, String source, int lineNumber) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, lineNumber, "grade is not an integer: " + field);
        }
    }

    private static Map<String, Map<String, Integer>> freeze(Map<String, Map<String, Integer>> grades) {
        Map<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
        grades.forEach((qid, judged) -> frozen.put(qid, Collections.unmodifiableMap(judged)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The judged query ids, in file order. */
    public Set<String> queryIds() {
        return gradesByQuery.keySet();
    }

    /** Whether the query has at least one judgment (of any grade). */
    public boolean hasJudgments(String queryId) {
        return gradesByQuery.containsKey(queryId);
    }

    /** Grade by doc id for one query; empty when the query is not judged. */
    public Map<String, Integer> grades(String queryId) {
        return gradesByQuery.getOrDefault(queryId, Map.of());
    }
}
