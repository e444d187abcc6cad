package org.medsearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a queries file: one {@code qid<TAB>text} per line, blank lines skipped. */
public final class QueryFile {

    private QueryFile() {
    }

    /** Reads the queries of {@code file} in file order. */
    public static List<Query> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses query lines; {@code source} names them in error messages. */
    public static List<Query> parse(List<String> lines, String source) {
        List<Query> queries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripBom(lines.get(i), i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new InputFormatException(source, i + 1, "expected 'qid<TAB>text', found no tab");
            }
            String id = line.substring(0, tab).strip();
            String text = line.substring(tab + 1).strip();
            if (text.isEmpty()) {
                throw new InputFormatException(source, i + 1, "query " + id + " has no text");
            }
            if (!seen.add(id)) {
                throw new InputFormatException(source, i + 1, "duplicate query id " + id);
            }
            queries.add(query(id, text, source, i + 1));
        }
        return List.copyOf(queries);
    }

    private static Query query(String id, String text, String source, int lineNumber) {
        try {
            return new Query(id, text);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(source, lineNumber, e.getMessage());
        }
    }

    // Files saved by some editors start with a byte order mark, which would become part of the first id.
    private static String stripBom(String line, int index) {
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
