package org.medsearch.search.query;

import org.medsearch.index.Analyzers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lay and clinical words that mean the same ('heart attack' ~ 'myocardial infarction', 'DVT' ~ 'deep
 * vein thrombosis'), from the curated list in {@code vocabulary/synonyms.txt}. Matched on analysed
 * tokens, so 'heart attacks' finds the group too.
 */
final class MedicalSynonyms {
    private static final MedicalSynonyms BUNDLED = load("/vocabulary/synonyms.txt");

    /** Analysed key of a variant -> the written forms of the other variants of its group. */
    private final Map<String, List<String>> alternatives;
    private final PhraseScanner variants;

    private MedicalSynonyms(Map<String, List<String>> alternatives) {
        this.alternatives = alternatives;
        this.variants = new PhraseScanner(alternatives.keySet());
    }

    static MedicalSynonyms bundled() {
        return BUNDLED;
    }

    /** For each synonym found in the tokens (longest first, no overlaps), the other ways to say it. */
    Map<String, List<String>> find(List<String> tokens) {
        Map<String, List<String>> found = new HashMap<>();
        for (String key : variants.scan(tokens)) {
            found.put(key, alternatives.get(key));
        }
        return found;
    }

    static MedicalSynonyms load(String resource) {
        Map<String, List<String>> alternatives = new HashMap<>();
        try (InputStream in = MedicalSynonyms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> variants = new ArrayList<>();
                for (String v : line.split(",")) {
                    if (!v.isBlank()) {
                        variants.add(v.strip());
                    }
                }
                for (String v : variants) {
                    String key = Analyzers.key(v);
                    if (key.isEmpty()) {
                        continue;
                    }
                    Set<String> others = new LinkedHashSet<>(alternatives.getOrDefault(key, List.of()));
                    variants.stream().filter(o -> !Analyzers.key(o).equals(key)).forEach(others::add);
                    alternatives.put(key, List.copyOf(others));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MedicalSynonyms(Map.copyOf(alternatives));
    }
}
