package org.medsearch.search.query;

import org.medsearch.ingest.SectionKind;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a question asks about its subject: cause, symptoms, treatment, diagnosis, outlook... read from
 * the wording of the question, as a librarian would, and mapped to the kinds of section that answer it.
 */
final class QuestionIntent {
    /** Word patterns per kind, matched on the lower-cased question; order is the order shown. */
    private static final Map<SectionKind, Pattern> CUES = new LinkedHashMap<>();

    static {
        cue(SectionKind.CAUSES, "caus\\w*|why|trigger\\w*|risk factors?|lead to|leads to|due to|contribut\\w*|reason|how do (?:you|i|people) (?:get|catch)|catch|transmit\\w*|contagious|spread");
        cue(SectionKind.SYMPTOMS, "symptoms?|signs?|feel\\w*|experienc\\w*");
        cue(SectionKind.DIAGNOSIS, "diagnos\\w*|detect\\w*|tests?|testing|scan|x-?ray|mri|biopsy|screen\\w*|blood work|ct");
        cue(SectionKind.EXAMINATION, "exam\\w*|tests?|testing|scan|check ?up|physical");
        cue(SectionKind.TREATMENT, "treat\\w*|cure\\w*|remed\\w*|therap\\w*|medication\\w*|medicine\\w*|drugs?|dos(?:e|age|es)|surgery|manage\\w*|take|taking|stop using|help with");
        cue(SectionKind.PREVENTION, "prevent\\w*|avoid\\w*|protect\\w*|vaccin\\w*|reduce the risk");
        cue(SectionKind.GENETICS, "inherit\\w*|genetic\\w*|hereditary|genes?|passed down|pass it on|chromosom\\w*|run in (?:the )?famil\\w*");
        cue(SectionKind.OUTLOOK, "outlook|prognosis|life expectancy|surviv\\w*|progress\\w*|get worse|gets worse|long[- ]term|success rate|recover\\w*|come back");
        cue(SectionKind.COMPLICATIONS, "complication\\w*|side ?effect\\w*|reaction\\w*|interact\\w*|harm\\w*|danger\\w*|safe\\w*|risks?");
    }

    private QuestionIntent() {
    }

    private static void cue(SectionKind kind, String words) {
        CUES.put(kind, Pattern.compile("\\b(?:" + words + ")\\b"));
    }

    /** The kinds of section the question asks for; empty when it does not say. */
    static Set<SectionKind> asks(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        CUES.forEach((kind, pattern) -> {
            if (pattern.matcher(q).find()) {
                kinds.add(kind);
            }
        });
        return kinds;
    }
}
