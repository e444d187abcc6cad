package org.medsearch.ingest;

import java.io.Serial;

/** An expected skip: the file is not an indexable article; the message is a one-line reason for the operator. */
public final class SkippedFileException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param reason one line, e.g. {@code binary file} or {@code too large (52 MB > 20 MB limit)} */
    public SkippedFileException(String reason) {
        super(reason);
    }
}
