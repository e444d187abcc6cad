package org.medsearch.index;

/** Receives progress from a running reindex (a progress bar on a terminal, log lines otherwise). */
public interface ReindexProgress {
    /** Called once the corpus has been listed. */
    void started(int totalFiles);

    /** Called after each file, from worker threads. */
    void fileDone(int done, int total);

    /** Called once at the end, before the new index goes live. */
    default void finished() {
    }

    /** A one-line note for the operator (the embedder fell back to lexical, how many sections were embedded). */
    default void note(String line) {
    }

    /** Reports nothing. */
    ReindexProgress NONE = new ReindexProgress() {
        @Override
        public void started(int totalFiles) {
        }

        @Override
        public void fileDone(int done, int total) {
        }
    };
}
