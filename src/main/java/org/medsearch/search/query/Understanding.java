package org.medsearch.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query was understood, shown to the person and in the API.
 *
 * @param focus       names of indexed articles the query mentions (analysed form)
 * @param asks        kinds of section the question asks for
 * @param terms       the index terms searched for (stems), after dropping filler and correcting spelling
 * @param words       the same in readable words: as typed (corrections applied), quoted phrases in quotes,
 *                    filler and stop words left out; what 'Searched for' shows
 * @param corrections misspelled words searched as another word of the index, typed word first
 * @param synonyms    other names of what was asked about, searched too
 * @param notes       what was read otherwise than typed, in a sentence each (a quoted phrase no page contains,
 *                    a query cut to its first words); empty when it was read as typed
 */
public record Understanding(List<String> focus, List<String> asks, List<String> terms,
                            List<String> words, List<Correction> corrections, List<String> synonyms,
                            List<String> notes) {
    static final Understanding EMPTY = new Understanding(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public Understanding {
        notes = List.copyOf(notes);
    }

    /** A word searched as another: {@code diahrrea} as {@code diarrhea}. */
    public record Correction(String typed, String searched) {
    }

    /** The same understanding naming its focus differently (as the articles' titles, say). */
    public Understanding withFocus(List<String> names) {
        return new Understanding(names, asks, terms, words, corrections, synonyms, notes);
    }

    /** This understanding with more notes. */
    public Understanding withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Understanding(focus, asks, terms, words, corrections, synonyms, all);
    }
}
