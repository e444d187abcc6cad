package org.medsearch.eval;

/** A malformed line in a queries, qrels or run file, reported with the file and line number. */
public final class InputFormatException extends IllegalArgumentException {

    private final String source;
    private final int lineNumber;

    public InputFormatException(String source, int lineNumber, String problem) {
        super(source + ":" + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** The file (or other name) the line came from. */
    public String source() {
        return source;
    }

    /** The 1-based line number of the offending line. */
    public int lineNumber() {
        return lineNumber;
    }
}
