package org.medsearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * The highlighter's sentence boundaries ({@link SentenceBreaks}) as a {@link BreakIterator}, found walking
 * forward once, no further than asked. The JDK's sentence iterator answers every {@code preceding} by scanning
 * again with reverse rules that disagree with its forward ones: that was 15% of a keyword search, and some
 * snippets started at a stray '. -'.
 */
final class SentenceIterator extends BreakIterator {
    private String text = "";
    /** Boundaries in increasing order, {@link #found} of them; the first is always 0. */
    private int[] bounds = new int[16];
    private int found = 1;
    /** Index into {@link #bounds} of the current boundary. */
    private int at;

    @Override
    public void setText(String newText) {
        text = newText;
        found = 1;
        at = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder s = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            s.append(c);
        }
        setText(s.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    /** Walks on until a boundary above {@code offset} is found or the text ends. */
    private void walkPast(int offset) {
        while (bounds[found - 1] <= offset && bounds[found - 1] < text.length()) {
            if (found == bounds.length) {
                bounds = Arrays.copyOf(bounds, found * 2);
            }
            bounds[found] = SentenceBreaks.next(text, bounds[found - 1]);
            found++;
        }
    }

    @Override
    public int first() {
        at = 0;
        return 0;
    }

    @Override
    public int last() {
        walkPast(Integer.MAX_VALUE - 1);
        at = found - 1;
        return bounds[at];
    }

    @Override
    public int current() {
        return bounds[at];
    }

    @Override
    public int next() {
        walkPast(bounds[at]);
        if (at + 1 >= found) {
            return DONE;
        }
        return bounds[++at];
    }

    @Override
    public int next(int n) {
        int result = current();
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        return at == 0 ? DONE : bounds[--at];
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        return moveTo(firstAbove(offset), found - 1);
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        return moveTo(firstAbove(offset - 1) - 1, 0);
    }

    /** Makes boundary {@code i} current; if there is no such boundary, {@code otherwise}, and answers DONE. */
    private int moveTo(int i, int otherwise) {
        if (i < 0 || i >= found) {
            at = otherwise;
            return DONE;
        }
        at = i;
        return bounds[at];
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        walkPast(offset);
        return Arrays.binarySearch(bounds, 0, found, offset) >= 0;
    }

    /** The index of the first boundary above {@code offset} ({@link #found} if none). */
    private int firstAbove(int offset) {
        walkPast(offset);
        int i = Arrays.binarySearch(bounds, 0, found, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
    }

    @Override
    public Object clone() {
        SentenceIterator copy = new SentenceIterator();
        copy.setText(text);
        return copy;
    }
}
