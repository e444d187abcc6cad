package org.medsearch.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed list of literal strings occur in a text, in one pass over it (an Aho-Corasick
 * automaton, resolved into a table per state). The phrase tables of {@link Boilerplate} gate each regex on a
 * literal; scanning the text once for all of them replaces one {@code contains} per phrase. Hand-written
 * because the libraries that have one (Lucene's automata) belong to the index stage, not to ingest.
 */
final class LiteralScanner {
    /** Characters that occur in no literal share class 0, which always leads back to the start state. */
    private final Map<Character, Integer> classes = new HashMap<>();
    /** The class of each Latin-1 character (most text): an array read, no boxing. */
    private final int[] latin1Class = new int[256];
    /** next[state * width + class]: the state after reading a character of that class. */
    private final int[] next;
    private final int width;
    /** The literals that end at each state, its own and those of its failure chain; null for none. */
    private final int[][] found;
    private final int literals;

    LiteralScanner(List<String> literals) {
        this.literals = literals.size();
        for (String literal : literals) {
            for (char c : literal.toCharArray()) {
                classes.putIfAbsent(c, classes.size() + 1);
            }
        }
        classes.forEach((c, k) -> {
            if (c < 256) {
                latin1Class[c] = k;
            }
        });
        width = classes.size() + 1;
        // The trie: state 0 is the start; child[state][class], -1 for none.
        List<int[]> child = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        child.add(newRow());
        ends.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            int state = 0;
            for (char c : literals.get(i).toCharArray()) {
                int k = classes.get(c);
                if (child.get(state)[k] < 0) {
                    child.get(state)[k] = child.size();
                    child.add(newRow());
                    ends.add(new ArrayList<>());
                }
                state = child.get(state)[k];
            }
            ends.get(state).add(i);
        }
        next = new int[child.size() * width];
        found = new int[child.size()][];
        resolve(child, ends);
    }

    private int[] newRow() {
        int[] row = new int[width];
        java.util.Arrays.fill(row, -1);
        return row;
    }

    /** Breadth first: each state's missing transitions and its outputs come from its failure state. */
    private void resolve(List<int[]> child, List<List<Integer>> ends) {
        int[] fail = new int[child.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < width; k++) {
            int s = child.get(0)[k];
            next[k] = s < 0 ? 0 : s;
            if (s > 0) {
                queue.add(s);
            }
        }
        found[0] = toArray(ends.get(0));
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> out = new ArrayList<>(ends.get(state));
            if (found[fail[state]] != null) {
                for (int i : found[fail[state]]) {
                    out.add(i);
                }
            }
            found[state] = toArray(out);
            for (int k = 0; k < width; k++) {
                int s = child.get(state)[k];
                if (s < 0) {
                    next[state * width + k] = next[fail[state] * width + k];
                } else {
                    fail[s] = next[fail[state] * width + k];
                    next[state * width + k] = s;
                    queue.add(s);
                }
            }
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.isEmpty() ? null : list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The indexes (into the list given) of the literals that occur in {@code text}. */
    BitSet in(CharSequence text) {
        BitSet result = new BitSet(literals);
        if (found[0] != null) {
            // The empty literal occurs in every text.
            for (int literal : found[0]) {
                result.set(literal);
            }
        }
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = c < 256 ? latin1Class[c] : classes.getOrDefault(c, 0);
            state = next[state * width + k];
            int[] ends = found[state];
            if (ends != null) {
                for (int literal : ends) {
                    result.set(literal);
                }
            }
        }
        return result;
    }
}
