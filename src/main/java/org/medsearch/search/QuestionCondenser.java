package org.medsearch.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a long message down to what it asks: a short opening line (the subject people put first) and the sentences that
 * ask something (a question mark, or an opening question word such as 'how' or 'can'). The story around a question
 * ('I am a retired veteran…') pulls a sentence embedding away from the answer; the asking sentences keep it on the
 * subject. Short questions come back unchanged.
 */
public final class QuestionCondenser {
    /** Messages up to this many words are already a question, not a story around one. */
    static final int SHORT_WORDS = 12;
    /** An opening sentence of at most this many words reads as a subject line ('Macular Degeneration.'). */
    static final int SUBJECT_WORDS = 6;
    /** Words that open a question in English (interrogatives and the auxiliaries of yes/no questions). */
    private static final Set<String> QUESTION_OPENERS = Set.of("what", "whats", "what's", "how", "why", "when", "where",
            "which", "who", "whom", "whose", "can", "could", "is", "are", "was", "were", "does", "do", "did", "should",
            "would", "will", "may", "might", "must", "has", "have", "had", "am", "shall", "any", "anyone", "please", "need");

    private QuestionCondenser() {
    }

    /** The subject line and asking sentences of a long message, or the text itself when it is short or asks nothing. */
    public static String condense(String text) {
        List<String> sentences = sentences(text);
        if (words(text) <= SHORT_WORDS || sentences.size() < 2) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if ((i == 0 && words(s) <= SUBJECT_WORDS) || asks(s)) {
                kept.add(s);
            }
        }
        boolean asked = kept.size() > (words(sentences.getFirst()) <= SUBJECT_WORDS ? 1 : 0);
        return asked ? String.join(" ", kept) : text;
    }

    /** True when the sentence ends with a question mark or opens with a question word. */
    static boolean asks(String sentence) {
        String s = sentence.strip();
        if (s.endsWith("?")) {
            return true;
        }
        String first = s.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
        return QUESTION_OPENERS.contains(first);
    }

    /**
     * English sentence breaks, never used itself: each call takes a copy. Building one parses the JDK's rule
     * tables each time (the profile put it at 2.4% of a keyword search); a copy shares them.
     */
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ENGLISH);

    /** Sentences by Java's own sentence rules (BreakIterator), trimmed, empty ones dropped. */
    static List<String> sentences(String text) {
        BreakIterator it = (BreakIterator) SENTENCES.clone();
        it.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
