package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a plain-text article into an {@link Article}: the first line is the title, blank lines separate
 * blocks, and a block that looks like a heading starts a section.
 *
 * <p>A heading is a short single line without a final period that names a known kind of section or is
 * written like a title ('Causes', 'How Is It Treated?'). Sections start at the first heading that names a
 * kind; before that, text is the overview. Plain text has no heading levels, so a heading directly under a
 * heading, or one that repeats an earlier section's heading ('Cause' inside 'Diagnosis'), is a sub-heading.
 */
final class TextArticleParser {
    private static final int MAX_HEADING_CHARS = 80;
    private static final int MAX_HEADING_WORDS = 12;

    Article parse(String id, String text, String url, String source) throws SkippedFileException {
        List<String> blocks = blocks(text);
        if (blocks.isEmpty()) {
            throw new SkippedFileException("empty file");
        }
        String first = blocks.get(0);
        int newline = first.indexOf('\n');
        String title = Texts.normalize(newline < 0 ? first : first.substring(0, newline));
        if (newline < 0) {
            blocks.remove(0);
        } else {
            blocks.set(0, first.substring(newline + 1));
        }
        List<String> aliases = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String block : blocks) {
            String flat = Texts.normalize(block);
            List<String> names = Boilerplate.aliases(flat);
            if (names != null) {
                aliases.addAll(names);
            } else if (!Boilerplate.isFurniture(flat, visible(flat), 0, 0)) {
                body.add(block);
            }
        }
        List<String> subjects = new ArrayList<>(aliases);
        subjects.add(title);
        return HtmlArticleParser.assemble(id, title, url, source, aliases, split(body, subjects));
    }

    private static List<SectionSplitter.RawSection> split(List<String> blocks, List<String> subjects) {
        List<SectionSplitter.RawSection> sections = new ArrayList<>();
        Set<String> sectionHeadings = new HashSet<>();
        Anchors anchors = new Anchors();
        String heading = null;
        List<String> lines = new ArrayList<>();
        boolean afterHeading = false;
        for (String block : blocks) {
            String flat = Texts.normalize(block);
            boolean candidate = looksLikeHeading(block, flat);
            boolean starts = candidate && !afterHeading && !sectionHeadings.contains(Texts.key(flat))
                    && (heading != null || SectionKinds.isKnownHeading(flat, subjects));
            if (starts) {
                add(sections, anchors, heading, lines);
                heading = flat;
                sectionHeadings.add(Texts.key(flat));
                lines = new ArrayList<>();
                afterHeading = true;
            } else {
                lines.add(paragraph(block));
                // A run of headings under a heading: all sub-headings until text appears.
                afterHeading = candidate && afterHeading;
            }
        }
        add(sections, anchors, heading, lines);
        return sections;
    }

    private static void add(List<SectionSplitter.RawSection> out, Anchors anchors, String heading,
                            List<String> lines) {
        if (heading == null && lines.isEmpty()) {
            return;
        }
        String text = String.join("\n\n", lines);
        if (heading == null) {
            out.add(new SectionSplitter.RawSection("", anchors.claim("overview"), text, true));
        } else {
            out.add(new SectionSplitter.RawSection(heading, anchors.claim(Anchors.slug(heading)), text, false));
        }
    }

    private static boolean looksLikeHeading(String block, String flat) {
        if (block.indexOf('\n') >= 0 || flat.isEmpty() || flat.length() > MAX_HEADING_CHARS) {
            return false;
        }
        char last = flat.charAt(flat.length() - 1);
        if (".,;:!".indexOf(last) >= 0 || isListMarker(flat)) {
            return false;
        }
        String[] words = flat.split(" ");
        if (words.length > MAX_HEADING_WORDS) {
            return false;
        }
        return last == '?' || isTitleish(words) || SectionKinds.isKnownHeading(flat, List.of());
    }

    /** Most longer words capitalised: 'Signs and Symptoms', 'Living With Diabetes'. */
    private static boolean isTitleish(String[] words) {
        if (!Character.isUpperCase(words[0].charAt(0))) {
            return false;
        }
        int longWords = 0;
        int capitalised = 0;
        for (String w : words) {
            if (w.length() > 3) {
                longWords++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return longWords == 0 || capitalised * 10 >= longWords * 6;
    }

    private static boolean isListMarker(String flat) {
        char c = flat.charAt(0);
        return c == '-' || c == '*' || c == '\u2022' || (Character.isDigit(c) && flat.matches("^\\d+[.,)].*"));
    }

    /** Lines of a block joined: hard-wrapped prose into one line, list items kept one per line. */
    private static String paragraph(String block) {
        String[] rows = block.split("\n");
        StringBuilder sb = new StringBuilder();
        for (String row : rows) {
            String r = Texts.normalize(row);
            if (r.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(isListMarker(r) ? "\n" : " ");
            }
            sb.append(r);
        }
        return sb.toString();
    }

    /** Blocks of non-blank lines; line breaks inside a block are kept as '\n'. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (Texts.normalize(line).isEmpty()) {
                if (current.length() > 0) {
                    blocks.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line.strip());
            }
        }
        if (current.length() > 0) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    private static int visible(String flat) {
        int n = 0;
        for (int i = 0; i < flat.length(); i++) {
            if (flat.charAt(i) != ' ') {
                n++;
            }
        }
        return n;
    }
}
