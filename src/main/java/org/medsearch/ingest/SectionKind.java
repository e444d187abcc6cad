package org.medsearch.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** The canonical kinds of article section, so a user can search only causes or only treatment. */
public enum SectionKind {
    OVERVIEW, CAUSES, SYMPTOMS, EXAMINATION, DIAGNOSIS, TREATMENT, PREVENTION,
    COMPLICATIONS, OUTLOOK, GENETICS, OTHER;

    /** The lower-case name used in fields, URLs and JSON. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named in JSON. */
    @JsonCreator
    static SectionKind fromJson(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown section kind: " + id));
    }

    /** A readable label: 'Causes', 'Treatment'. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Looks a kind up by its lower-case name. */
    public static Optional<SectionKind> fromId(String id) {
        for (SectionKind k : values()) {
            if (k.id().equals(id.toLowerCase(Locale.ROOT).trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
