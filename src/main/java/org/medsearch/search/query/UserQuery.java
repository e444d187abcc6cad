package org.medsearch.search.query;

import org.medsearch.ingest.SectionKind;

import java.util.List;

/**
 * A person's query after parsing: plain words, quoted phrases, excluded words and kind-scoped parts.
 *
 * @param clauses the parts in the order typed
 */
public record UserQuery(List<Clause> clauses) {

    /** One part of a query: a word or phrase, maybe excluded, maybe scoped to one kind of section. */
    public record Clause(String text, boolean phrase, boolean excluded, SectionKind kind) {
        /** True for a part limited to one kind of section ({@code causes:calcium}). */
        public boolean scoped() {
            return kind != null;
        }
    }

    /** True when nothing searchable was typed. */
    public boolean isEmpty() {
        return clauses.stream().noneMatch(c -> !c.excluded());
    }
}
