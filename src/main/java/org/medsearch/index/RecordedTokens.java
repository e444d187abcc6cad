package org.medsearch.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens one analysis of a text produced (term, position increment, offsets, and the increment and offset
 * {@code end()} left), kept so that a text indexed in several fields or documents is analysed once and replayed.
 */
final class RecordedTokens {
    private char[] chars = new char[64];
    private int[] termEnd = new int[16];
    private int[] posInc = new int[16];
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int count;
    private int endPosInc;
    private int endOffset;

    /** Consumes {@code stream} (reset, every token, end, close) and records what it produced. */
    static RecordedTokens of(TokenStream stream) throws IOException {
        RecordedTokens t = new RecordedTokens();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                t.add(term.buffer(), term.length(), inc.getPositionIncrement(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
            t.endPosInc = inc.getPositionIncrement();
            t.endOffset = offset.endOffset();
        }
        return t;
    }

    private void add(char[] buffer, int length, int inc, int from, int to) {
        if (count == posInc.length) {
            int n = count * 2;
            termEnd = Arrays.copyOf(termEnd, n);
            posInc = Arrays.copyOf(posInc, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        int at = count == 0 ? 0 : termEnd[count - 1];
        if (at + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, at + length));
        }
        System.arraycopy(buffer, 0, chars, at, length);
        termEnd[count] = at + length;
        posInc[count] = inc;
        start[count] = from;
        end[count] = to;
        count++;
    }

    /** The recorded tokens as a stream again. */
    TokenStream replay() {
        return new Replay(List.of(this), new int[] {0}, endOffset);
    }

    /**
     * The tokens of several texts as one stream, as the analysis of their concatenation would give them: each
     * text's offsets shifted by where it starts ({@code shifts}), and the positions a text's end skipped (stop
     * words) carried into the next token. Right only when the texts are joined by separators that end a token
     * (line breaks), so that no token spans two of them.
     */
    static TokenStream concatenation(List<RecordedTokens> parts, int[] shifts, int length) {
        return new Replay(parts, shifts, length);
    }

    /** The recorded terms joined by spaces. */
    String joinedTerms() {
        StringBuilder b = new StringBuilder(count == 0 ? 0 : termEnd[count - 1] + count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(' ');
            }
            int from = i == 0 ? 0 : termEnd[i - 1];
            b.append(chars, from, termEnd[i] - from);
        }
        return b.toString();
    }

    /** A replay whose tokens are set before each use: the reusable start of a filter chain. */
    static final class Source extends Replay {
        Source() {
            super(List.of(), new int[] {0}, 0);
        }

        /** Replays {@code tokens} from the next {@link #reset}. */
        void set(RecordedTokens tokens) {
            parts = List.of(tokens);
            length = tokens.endOffset;
        }
    }

    /** Replays recorded tokens; one pass, after {@link #reset}. */
    private static class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        List<RecordedTokens> parts;
        private final int[] shifts;
        int length;
        private int part;
        private int token;
        private int carried;

        Replay(List<RecordedTokens> parts, int[] shifts, int length) {
            this.parts = parts;
            this.shifts = shifts;
            this.length = length;
        }

        @Override
        public boolean incrementToken() {
            while (part < parts.size()) {
                RecordedTokens t = parts.get(part);
                if (token < t.count) {
                    clearAttributes();
                    int from = token == 0 ? 0 : t.termEnd[token - 1];
                    term.copyBuffer(t.chars, from, t.termEnd[token] - from);
                    inc.setPositionIncrement(t.posInc[token] + carried);
                    carried = 0;
                    offset.setOffset(t.start[token] + shifts[part], t.end[token] + shifts[part]);
                    token++;
                    return true;
                }
                carried += t.endPosInc;
                part++;
                token = 0;
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            inc.setPositionIncrement(carried);
            offset.setOffset(length, length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            part = 0;
            token = 0;
            carried = 0;
        }
    }
}
