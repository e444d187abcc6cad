package org.medsearch.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a section heading to its canonical {@link SectionKind} by the intent words of the heading.
 *
 * <p>Headings are often questions about the article's subject ('What causes Cushing's syndrome?'), so the
 * subject is cut out first: a disease called 'Treatment-resistant depression' must not turn 'What is
 * Treatment-resistant depression?' into a treatment section. Of the intent words left, the first one in the
 * heading decides ('Symptoms and causes' is symptoms; 'What are the side effects or risks' is complications);
 * general words ('What is', 'Introduction', 'How many people are affected') mean overview only when no
 * specific word is present.
 */
final class SectionKinds {
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private record Rule(SectionKind kind, Pattern pattern) {
        Rule(SectionKind kind, String regex) {
            this(kind, Pattern.compile("\\b(?:" + regex + ")\\b", F));
        }
    }

    /** Specific intents; OTHER rules stop a later word from claiming a heading ('interactions ... medications'). */
    private static final List<Rule> SPECIFIC = List.of(
            new Rule(SectionKind.CAUSES, "caus(?:e|es|ed|ing)|etiology|aetiology|risk factors?|at risk|"
                    + "who gets|why do(?:es)? (?:people|you|i) get|reasons? for|triggers?|pathogenesis|"
                    + "how (?:do|does|is|are) .{0,40}(?:spread|transmitted|caught|get)|transmission|"
                    + "how (?:you|people|children) (?:get|catch)|why (?:it|this) happens|why does it happen"),
            new Rule(SectionKind.SYMPTOMS, "symptoms?|signs?|clinical (?:features|presentation|picture)|"
                    + "manifestations?|presentation|what does .{0,40} (?:look|feel) like"),
            new Rule(SectionKind.EXAMINATION, "exam(?:s|ine|ined|ination|inations)?|tests?|testing|"
                    + "investigations?|inspections?|screening|work-?up|laboratory|lab tests?|imaging|scans?"),
            new Rule(SectionKind.DIAGNOSIS, "diagnos(?:e|es|ed|is|ing|tic|tics)|differential|"
                    + "stag(?:e|es|ing)|how (?:is|are) .{0,60} (?:found|identified|detected)"),
            new Rule(SectionKind.TREATMENT, "treat(?:s|ed|ing|ment|ments)?|therap(?:y|ies|eutic)|"
                    + "manag(?:e|ed|ing|ement)|cures?|medications?|medicines?|drugs?|surgery|surgical|"
                    + "remed(?:y|ies)|self[- ]care|home care|dosage|doses?|how should .{0,60} be used|"
                    + "how (?:to|should i) (?:use|take)|what to do for|dietary instructions|how effective|"
                    + "rehabilitation|how should this medicine be used|uses?|used for|car(?:e|ing) for|"
                    + "living with|coping with|self-management"),
            new Rule(SectionKind.PREVENTION, "prevent(?:s|ed|ing|ion|ive)?|avoid(?:ing)?|"
                    + "reduc(?:e|ing) (?:the |your )?risk|lower(?:ing)? (?:the |your )?risk|protect(?:ion)?|"
                    + "vaccin(?:e|es|ation|ated)|immuni[sz](?:ation|ed)|precautions?|prophylaxis"),
            new Rule(SectionKind.COMPLICATIONS, "complications?|side[- ]effects?|adverse (?:effects|reactions)|"
                    + "severe reaction|risks?|warnings?|contraindications?|dangers?|safety concerns|"
                    + "long-term effects"),
            new Rule(SectionKind.OUTLOOK, "outlook|prognos(?:is|es)|life expectancy|survival|"
                    + "what to expect|expectations|recovery"),
            new Rule(SectionKind.GENETICS, "genetics?|genes?|inherit(?:ed|ance|able)?|hereditary|heredity|"
                    + "chromosom(?:e|es|al)|mutations?|dna|familial|runs? in (?:the )?famil(?:y|ies)"),
            new Rule(SectionKind.OTHER, "research|clinical trials?|studies|emergency|overdose|storage|"
                    + "disposal|support|learn more|more information|resources|references|sources|"
                    + "contact|organizations?|interactions?|brand names?|other information|where to find|"
                    + "see a doctor|call (?:a|your) doctor|when to (?:see|contact|call)"));

    /** General intents: overview when nothing specific is asked. */
    private static final Pattern GENERAL = Pattern.compile("\\b(?:what (?:is|are)|introduction|overview|"
            + "summary|definition|description|about|information about|key (?:points|facts)|at a glance|"
            + "basics|background|how many people|how common|prevalence|frequency|incidence|epidemiology|"
            + "why is it prescribed|how does .{0,40} work|action of|types|classification|what it is|"
            + "general information|in brief)\\b", F);

    private SectionKinds() {
    }

    /** The kind of a heading with no subject known. */
    static SectionKind fromHeading(String heading) {
        return fromHeading(heading, List.of());
    }

    /**
     * The kind of a heading.
     *
     * @param subjects the article's title and other names, cut out of the heading before matching
     */
    static SectionKind fromHeading(String heading, Collection<String> subjects) {
        String h = withoutSubjects(Texts.normalize(heading), subjects);
        SectionKind known = KNOWN.get(h);
        if (known != null) {
            return known;
        }
        SectionKind kind = match(h);
        if (KNOWN.size() >= KNOWN_HEADINGS) {
            KNOWN.clear();
        }
        KNOWN.put(h, kind);
        return kind;
    }

    /**
     * The kinds of headings already matched, by the heading with its subject cut out: a site's pages repeat
     * their headings ('Symptoms', 'What causes ?'), and the rules' regexes are the costliest step of splitting
     * a page. Cleared when full, so the memory stays bounded on any corpus.
     */
    private static final Map<String, SectionKind> KNOWN = new ConcurrentHashMap<>();
    private static final int KNOWN_HEADINGS = 4096;
    private static final LongAdder MATCHED = new LongAdder();

    /** How many headings were matched against the rules (not found among the known ones), for tests. */
    static long headingsMatched() {
        return MATCHED.sum();
    }

    private static SectionKind match(String h) {
        MATCHED.increment();
        SectionKind best = null;
        int bestStart = Integer.MAX_VALUE;
        int bestLength = 0;
        boolean diagnosis = false;
        for (Rule rule : SPECIFIC) {
            Matcher m = rule.pattern.matcher(h);
            if (!m.find()) {
                continue;
            }
            diagnosis |= rule.kind == SectionKind.DIAGNOSIS;
            int length = m.end() - m.start();
            if (m.start() < bestStart || (m.start() == bestStart && length > bestLength)) {
                best = rule.kind;
                bestStart = m.start();
                bestLength = length;
            }
        }
        // 'Tests and diagnosis': the tests serve the diagnosis, which is what the reader looks for.
        if (best == SectionKind.EXAMINATION && diagnosis) {
            return SectionKind.DIAGNOSIS;
        }
        if (best != null) {
            return best;
        }
        return GENERAL.matcher(h).find() ? SectionKind.OVERVIEW : SectionKind.OTHER;
    }

    /** Whether a heading names a known kind of section (used to spot headings in plain text). */
    static boolean isKnownHeading(String heading, Collection<String> subjects) {
        return fromHeading(heading, subjects) != SectionKind.OTHER || isExplicitOther(heading);
    }

    private static boolean isExplicitOther(String heading) {
        return SPECIFIC.get(SPECIFIC.size() - 1).pattern.matcher(heading).find();
    }

    /** Cuts the subject out of the heading (case-insensitively); keeps the heading if nothing would remain. */
    private static String withoutSubjects(String heading, Collection<String> subjects) {
        String h = heading;
        String lower = h.toLowerCase(Locale.ROOT);
        for (String subject : subjects) {
            String s = Texts.normalize(subject).toLowerCase(Locale.ROOT);
            if (s.length() < 3) {
                continue;
            }
            int at = wholeWordIndex(lower, s);
            if (at < 0) {
                continue;
            }
            String cut = h.substring(0, at) + " " + h.substring(at + s.length());
            if (hasLetters(cut)) {
                h = cut;
                lower = h.toLowerCase(Locale.ROOT);
            }
        }
        return h;
    }

    /** Where {@code word} occurs in {@code s} not as part of a longer word ('PEO' is not in 'people'). */
    private static int wholeWordIndex(String s, String word) {
        for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
            boolean endOk = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (startOk && endOk) {
                return at;
            }
        }
        return -1;
    }

    private static boolean hasLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
