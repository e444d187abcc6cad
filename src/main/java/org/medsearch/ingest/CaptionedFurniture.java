package org.medsearch.ingest;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Removes what a furniture caption introduces: under 'Related articles', 'Mehr zum Thema' or 'À lire aussi' the
 * teaser links that follow, under '3 Comments' or 'Leave a reply' the comments, each with its caption.
 *
 * <p>Removal walks the caption's following siblings (from the wrapper, when the caption sits alone in one)
 * and stops at a heading as high as the caption, or a block holding one: the next section of the article.
 * Under a related-articles caption it also stops at the first block of prose (mostly text outside links),
 * since a small 'Related' box in the middle of a story is followed by the rest of the story.
 */
final class CaptionedFurniture extends PageRemoval {
    /** Text outside links from which a block is the article's prose, not a teaser. */
    private static final int PROSE_CHARS = 150;
    /** A block with no link at all and this much text is a paragraph of the story, never a teaser. */
    private static final int PARAGRAPH_CHARS = 60;

    CaptionedFurniture(Map<Element, BlockStats> stats, Element body, Explainer explainer) {
        super(stats, body, explainer);
    }

    void apply(List<Element> captions) {
        for (Element heading : captions) {
            if (!attached(heading)) {
                continue;
            }
            String caption = Texts.normalize(heading.text());
            boolean comments = Boilerplate.isCommentsCaption(caption);
            int level = FurnitureFilter.headingLevel(heading.normalName());
            if (level == 0) {
                // A caption drawn as a plain line stops at any heading.
                level = 6;
            }
            Element from = heading;
            while (from.parent() != null && from.parent() != body && onlyContent(from.parent(), from)) {
                from = from.parent();
            }
            Element next = from.nextElementSibling();
            drop(from, "caption of " + (comments ? "comments" : "related articles") + ": '" + caption + "'");
            while (next != null && !holdsHeadingAsHigh(next, level) && (comments || !isProse(next))) {
                Element after = next.nextElementSibling();
                drop(next, "under the caption '" + caption + "'");
                next = after;
            }
        }
    }

    /** {@code el} is the only child of {@code parent} with text. */
    private static boolean onlyContent(Element parent, Element el) {
        for (Element kid : parent.children()) {
            if (kid != el && kid.hasText()) {
                return false;
            }
        }
        return true;
    }

    /** A paragraph without links, or a block mostly of text outside links. */
    private boolean isProse(Element el) {
        BlockStats s = stats.get(el);
        if (s == null) {
            return false;
        }
        return (s.links == 0 && s.chars >= PARAGRAPH_CHARS)
                || (s.chars - s.linkChars >= PROSE_CHARS && s.linkChars * 2 < s.chars);
    }

    private static boolean holdsHeadingAsHigh(Element el, int level) {
        for (Element d : el.getAllElements()) {
            int l = FurnitureFilter.headingLevel(d.normalName());
            if (l > 0 && l <= level) {
                return true;
            }
        }
        return false;
    }

    private void drop(Element el, String reason) {
        if (explainer != null) {
            explainer.dropped(el, reason);
        }
        BlockStats s = stats.get(el);
        if (s != null) {
            for (Element p = el.parent(); p != null; p = p.parent()) {
                BlockStats ps = stats.get(p);
                if (ps != null) {
                    ps.subtract(s, s.weight);
                }
            }
        }
        FurnitureFilter.keepAnchorTargets(el);
        el.remove();
    }
}
