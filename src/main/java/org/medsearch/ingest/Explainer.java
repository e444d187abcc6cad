package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * Records what the cleaner kept and dropped on one page and why, for {@code clean --explain}. Only built when
 * asked for: a normal run passes none and pays nothing.
 */
public final class Explainer {
    /** Characters of a block's text shown in an entry. */
    private static final int PREVIEW = 90;

    /** One decision: the stage that took it, kept or dropped, the element, its text, and the signal. */
    public record Entry(String stage, boolean kept, String element, String text, String reason) {
        @Override
        public String toString() {
            return String.format("%-7s %-28s %s%n        %s", kept ? "KEPT" : "DROPPED", element, reason,
                    text.isEmpty() ? "(no text)" : '"' + text + '"');
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private String stage = "read";

    /** Every decision in the order taken, stage by stage. */
    public List<Entry> entries() {
        return entries;
    }

    void stage(String name) {
        stage = name;
    }

    void dropped(Element el, String reason) {
        entries.add(new Entry(stage, false, describe(el), preview(el), reason));
    }

    void kept(Element el, String reason) {
        entries.add(new Entry(stage, true, describe(el), preview(el), reason));
    }

    /** {@code div#main.entry-content}: the tag, id and first class, as a selector names it. */
    static String describe(Element el) {
        StringBuilder sb = new StringBuilder(el.normalName());
        if (!el.id().isBlank()) {
            sb.append('#').append(el.id().trim());
        }
        String cls = el.className().trim();
        if (!cls.isEmpty()) {
            int space = cls.indexOf(' ');
            sb.append('.').append(space < 0 ? cls : cls.substring(0, space));
        }
        String role = el.attr("role");
        if (!role.isBlank()) {
            sb.append("[role=").append(role).append(']');
        }
        return sb.length() > 40 ? sb.substring(0, 40) + "..." : sb.toString();
    }

    private static String preview(Element el) {
        String t = Texts.normalize(el.text());
        return t.length() > PREVIEW ? t.substring(0, PREVIEW) + "..." : t;
    }
}
