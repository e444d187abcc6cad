package org.medsearch.index.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The BERT "uncased" WordPiece tokenizer of a HuggingFace tokenizer.json (BertNormalizer, BertPreTokenizer, WordPiece).
 *
 * <p>Hand-written because the only Java binding of HuggingFace tokenizers on Maven Central (DJL's) adds about 20 MB of
 * jars, a second native library unpacked under the user's home, and a telemetry call at start-up. These rules are short
 * and fixed by the model's training; they mirror the Rust implementation step by step, and were checked token for
 * token against it on every MedQuAD section.
 */
final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    /** Longer "words" (base64, long chemical names without spaces) become a single [UNK], as in the original. */
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int clsId;
    private final int sepId;
    private final int unkId;

    private WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.clsId = idOf("[CLS]");
        this.sepId = idOf("[SEP]");
        this.unkId = idOf("[UNK]");
    }

    /** Reads the WordPiece vocabulary of a tokenizer.json; rejects any other tokenizer type. */
    static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode model = new ObjectMapper().readTree(json).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer: model.type=" + model.path("type").asText());
        }
        Map<String, Integer> vocab = new HashMap<>();
        model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(vocab);
    }

    private int idOf(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocabulary has no " + token);
        }
        return id;
    }

    /** Token ids [CLS] pieces… [SEP], at most maxTokens in all: pieces past the limit are dropped, as the model was trained. */
    int[] encode(String text, int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must leave room for [CLS] and [SEP]: " + maxTokens);
        }
        int[] ids = new int[maxTokens];
        int n = 0;
        ids[n++] = clsId;
        String normalized = normalize(text);
        int wordStart = -1;
        for (int i = 0; i <= normalized.length() && n < maxTokens - 1; ) {
            int cp = i < normalized.length() ? normalized.codePointAt(i) : ' ';
            boolean space = cp == ' ';
            boolean punct = !space && isPunctuation(cp);
            if ((space || punct) && wordStart >= 0) {
                n = appendPieces(normalized.substring(wordStart, i), ids, n, maxTokens - 1);
                wordStart = -1;
            }
            if (punct && n < maxTokens - 1) {
                n = appendPieces(Character.toString(cp), ids, n, maxTokens - 1);
            } else if (!space && !punct && wordStart < 0) {
                wordStart = i;
            }
            i += Character.charCount(cp);
        }
        ids[n++] = sepId;
        return n == ids.length ? ids : Arrays.copyOf(ids, n);
    }

    /** Greedy longest-match-first split of one word into vocabulary pieces; the whole word is [UNK] if any part is not found. */
    private int appendPieces(String word, int[] ids, int n, int limit) {
        int length = word.codePointCount(0, word.length());
        if (length > MAX_CHARS_PER_WORD) {
            ids[n++] = unkId;
            return n;
        }
        int[] pieces = new int[length];
        int count = 0;
        int start = 0;
        while (start < word.length()) {
            Integer found = null;
            int end = word.length();
            while (end > start) {
                String candidate = start == 0 ? word.substring(0, end) : CONTINUATION + word.substring(start, end);
                found = vocab.get(candidate);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids[n++] = unkId;
                return n;
            }
            pieces[count++] = found;
            start = end;
        }
        for (int i = 0; i < count && n < limit; i++) {
            ids[n++] = pieces[i];
        }
        return n;
    }

    /** BertNormalizer with lowercase=true: drop control characters, unify white space, space out CJK, strip accents, lower-case. */
    static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 16);
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r' || Character.isSpaceChar(cp)) {
                cleaned.append(' ');
            } else if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            } else if (isCjk(cp)) {
                cleaned.append(' ').appendCodePoint(cp).append(' ');
            } else {
                nonAscii |= cp > 0x7F;
                cleaned.appendCodePoint(cp);
            }
        }
        if (!nonAscii) {
            return lowerAscii(cleaned);
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .map(Character::toLowerCase) // per character, like Rust's char::to_lowercase, not locale or context aware
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String lowerAscii(StringBuilder s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                s.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return s.toString();
    }

    /** Unicode "other" categories, as BERT counts them, except tab and line breaks (handled as white space before). */
    private static boolean isControl(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** ASCII punctuation (which includes symbols such as $ + < = > ^ ` | ~) and every Unicode punctuation category. */
    static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK ideograph blocks that BERT splits into single-character words. */
    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
