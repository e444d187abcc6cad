package org.medsearch.web;

import java.util.Random;

/** Generates hostile query strings from a seeded random source, so a failing case can be replayed. */
public final class QueryFuzzer {
    private static final String[] SYNTAX = {"(", ")", "\"", "*", "?", "~", "^", ":", "-", "+", "!", "\\", "/",
            "[", "]", "{", "}", "AND", "OR", "NOT", "&&", "||", "causes:", "treatment:", "TO", "%", "&", "#"};
    private static final String[] WORDS = {"asthma", "calcium", "leg", "cramps", "children", "ankle", "pain",
            "inhaler", "the", "what", "is", "a", "of"};

    private QueryFuzzer() {
    }

    /** One generated query, mixing the kinds of hostility. */
    public static String next(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> randomUnicode(r, 1 + r.nextInt(200));
            case 1 -> controlCharacters(r, 1 + r.nextInt(50));
            case 2 -> syntaxSoup(r, 1 + r.nextInt(300));
            case 3 -> "(".repeat(1 + r.nextInt(5_000)) + WORDS[r.nextInt(WORDS.length)] + ")".repeat(r.nextInt(50));
            case 4 -> WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? "~" : "^") + hugeNumber(r);
            case 5 -> (r.nextBoolean() ? "*" : "?") + WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? "*" : "");
            case 6 -> words(r, 500 + r.nextInt(2_500));
            case 7 -> "\"" + words(r, 1 + r.nextInt(40)) + (r.nextBoolean() ? "\"" : "");
            default -> syntaxSoup(r, 5) + randomUnicode(r, 5) + words(r, 3);
        };
    }

    static String hugeNumber(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "9".repeat(1 + r.nextInt(400));
            case 1 -> "-" + Long.MAX_VALUE;
            case 2 -> "1e" + r.nextInt(400);
            case 3 -> "0." + "0".repeat(r.nextInt(50)) + "1";
            default -> Integer.toString(r.nextInt());
        };
    }

    /** A short printable description for a failure message. */
    public static String describe(String q) {
        StringBuilder b = new StringBuilder();
        q.codePoints().limit(60).forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return "'" + b + (q.length() > 60 ? "…' (" + q.length() + " chars)" : "'");
    }

    private static String randomUnicode(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = r.nextInt(Character.MAX_CODE_POINT + 1);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                b.append(r.nextBoolean() ? (char) cp : '\uFFFD'); // lone surrogates too: clients send them
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static String controlCharacters(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(4) == 0 ? WORDS[r.nextInt(WORDS.length)] : Character.toString(r.nextInt(0x20)));
        }
        return b.toString();
    }

    private static String syntaxSoup(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)] : SYNTAX[r.nextInt(SYNTAX.length)]);
            if (r.nextBoolean()) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static String words(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n && b.length() < 19_000; i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return b.toString().trim();
    }
}
