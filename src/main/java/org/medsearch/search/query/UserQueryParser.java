package org.medsearch.search.query;

import org.medsearch.ingest.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the query language: plain words, {@code "quoted phrases"}, {@code -excluded} words and
 * {@code kind:word} or {@code kind:"a phrase"}. Written by hand because Lucene's parsers either reject
 * malformed input (the classic parser) or have no field syntax (the simple parser), and people paste
 * anything: here every input parses, and whatever is not syntax is kept as plain words.
 */
public final class UserQueryParser {
    private UserQueryParser() {
    }

    /** Parses any text; never throws. */
    public static UserQuery parse(String text) {
        List<UserQuery.Clause> clauses = new ArrayList<>();
        String s = text == null ? "" : text;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1)) && s.charAt(i + 1) != '-') {
                excluded = true;
                i++;
            }
            SectionKind kind = null;
            int colon = scopeColon(s, i);
            if (colon > 0) {
                Optional<SectionKind> k = kindNamed(s.substring(i, colon));
                if (k.isPresent() && colon + 1 < n && !Character.isWhitespace(s.charAt(colon + 1))) {
                    kind = k.get();
                    i = colon + 1;
                }
            }
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close > i + 1) {
                    clauses.add(new UserQuery.Clause(s.substring(i + 1, close), true, excluded, kind));
                    i = close + 1;
                    continue;
                }
                // An unbalanced quote is not syntax: the rest is read as plain words.
                i++;
                if (close == i) {
                    i++;
                }
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                end++;
            }
            if (end > i) {
                clauses.add(new UserQuery.Clause(s.substring(i, end), false, excluded, kind));
            }
            i = Math.max(end, i + 1);
        }
        return new UserQuery(clauses);
    }

    /** The index of the ':' of a {@code kind:} prefix starting at {@code from}, or -1. */
    private static int scopeColon(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i > from && i < s.length() && s.charAt(i) == ':' ? i : -1;
    }

    /** A section kind by its name, accepting the singular too ({@code cause:}). */
    static Optional<SectionKind> kindNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Optional<SectionKind> k = SectionKind.fromId(n);
        if (k.isEmpty()) {
            k = SectionKind.fromId(n + "s");
        }
        return k;
    }
}
