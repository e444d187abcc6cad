package org.medsearch.ingest;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Removes the elements whose class or id names them furniture ({@link BoilerplateHints}), once the whole page
 * is measured, unless removing one would take the article with it: an element that holds the page's article
 * landmark, or (for any kind but comments) most of the page's prose, is a layout wrapper that happens to be
 * named after its sidebar ('content-with-sidebar'), not furniture. Comments are removed even when they
 * outweigh the post above them.
 */
final class HintedRemoval extends PageRemoval {
    HintedRemoval(Map<Element, BlockStats> stats, Element body, Explainer explainer) {
        super(stats, body, explainer);
    }

    void apply(List<FurnitureFilter.Hinted> hinted) {
        for (FurnitureFilter.Hinted h : hinted) {
            if (!attached(h.element)) {
                continue;
            }
            BlockStats page = stats.get(body);
            int pageWeight = page == null ? 0 : page.weight;
            // Comment threads and picture galleries often outweigh the article they hang under.
            boolean comments = h.hint.kind().equals("comments") || h.hint.kind().equals("gallery");
            boolean wrapper = !comments && h.weight() * 2 > pageWeight && !namedOnly(h);
            if (h.holdsLandmark() || wrapper) {
                if (explainer != null && h.stats().chars > 0) {
                    explainer.kept(h.element, "named " + h.hint + " but holds "
                            + (h.holdsLandmark() ? "the article landmark" : "most of the page's prose"));
                }
                continue;
            }
            if (explainer != null) {
                explainer.dropped(h.element, "class/id says " + h.hint);
            }
            remove(h);
        }
    }

    /**
     * The element's id is the furniture word alone ({@code id=sidebar}): the page's one sidebar, however much it
     * holds. A wrapper is named for what it lays out around the article ('content-with-sidebar'); a class is
     * shared by many elements and says less ('widget' on every block of some blog templates).
     */
    private static boolean namedOnly(FurnitureFilter.Hinted h) {
        return h.element.id().equalsIgnoreCase(h.hint.word());
    }

    private void remove(FurnitureFilter.Hinted h) {
        for (Element p = h.element.parent(); p != null; p = p.parent()) {
            BlockStats s = stats.get(p);
            if (s != null) {
                s.subtract(h.stats(), h.weight());
            }
        }
        FurnitureFilter.keepAnchorTargets(h.element);
        h.element.remove();
    }
}
