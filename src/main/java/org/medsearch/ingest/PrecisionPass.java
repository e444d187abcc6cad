package org.medsearch.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * The last pass over the chosen article block: removes link lists and teaser grids left inside it (a list or
 * box of three or more links with little text of its own: 'Read more' teasers, 'See our other articles'),
 * together with the heading that captioned them. Readability's conditional cleaning and trafilatura's
 * link-density test do the same; prose with links in it is never this dense.
 */
final class PrecisionPass {
    /** A block this share of whose text is inside links is a link list. */
    private static final double LINK_SHARE = 0.8;
    private static final int MIN_LINKS = 3;
    /** Text outside links above this is prose around links, never a bare link list. */
    private static final int MAX_OWN_TEXT = 100;
    private static final Set<String> JUDGED = Set.of("ul", "ol", "dl", "div", "section", "table", "p", "figure",
            "details", "header", "footer", "form", "center", "blockquote", "menu");

    private final Map<Element, BlockStats> stats;
    private final Explainer explainer;

    PrecisionPass(Map<Element, BlockStats> stats, Explainer explainer) {
        this.stats = stats;
        this.explainer = explainer;
    }

    void apply(Element content) {
        BlockStats all = stats.get(content);
        if (all != null && all.links < MIN_LINKS) {
            return;
        }
        // An explicit stack, not recursion: pages nest blocks thousands deep.
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(content);
        while (!todo.isEmpty()) {
            visit(todo.pop(), todo);
        }
    }

    /** Judges the children of {@code node}, queueing those that stay and hold blocks of their own. */
    private void visit(Element node, Deque<Element> todo) {
        Element kid = node.firstElementChild();
        while (kid != null) {
            Element next = kid.nextElementSibling();
            BlockStats s = stats.get(kid);
            if (s != null && isLinkList(kid, s)) {
                Element before = kid.previousElementSibling();
                drop(kid, "link list inside the article (" + s.links + " links, "
                        + Math.round(100.0 * s.linkChars / Math.max(1, s.chars)) + "% link text)");
                if (before != null && isHeading(before) && (next == null || isHeading(next))) {
                    drop(before, "caption of the link list removed after it");
                }
            } else if (s != null && s.chars > 0 && kid.childrenSize() > 0) {
                todo.push(kid);
            }
            kid = next;
        }
    }

    private static boolean isLinkList(Element el, BlockStats s) {
        return JUDGED.contains(el.normalName()) && s.links >= MIN_LINKS && s.chars > 0
                && s.linkChars >= LINK_SHARE * s.chars && s.chars - s.linkChars <= MAX_OWN_TEXT
                && s.headings <= 1;
    }

    private void drop(Element el, String reason) {
        if (explainer != null) {
            explainer.dropped(el, reason);
        }
        FurnitureFilter.keepAnchorTargets(el);
        el.remove();
    }

    private static boolean isHeading(Element el) {
        String t = el.normalName();
        return t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6';
    }
}
