package org.medsearch.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query was understood, shown to the person and in the API.
 *
 * @param focus names of indexed articles the query mentions (analysed form)
 * @param asks  kinds of section the question asks for
 * @param terms the words searched for, after dropping filler and correcting spelling
 * @param notes what was read otherwise than typed, in a sentence each (a quoted phrase no page contains,
 *              a query cut to its first words); empty when it was read as typed
 */
public record Understanding(List<String> focus, List<String> asks, List<String> terms, List<String> notes) {
    static final Understanding EMPTY = new Understanding(List.of(), List.of(), List.of());

    public Understanding {
        notes = List.copyOf(notes);
    }

    /** An understanding without notes. */
    public Understanding(List<String> focus, List<String> asks, List<String> terms) {
        this(focus, asks, terms, List.of());
    }

    /** This understanding with more notes. */
    public Understanding withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Understanding(focus, asks, terms, all);
    }
}
