package org.medsearch.ingest;

import java.util.Map;

import org.jsoup.nodes.Element;

/** What a removal pass over a measured page works with: the blocks' measures, the body, the explainer. */
abstract class PageRemoval {
    protected final Map<Element, BlockStats> stats;
    protected final Element body;
    protected final Explainer explainer;

    PageRemoval(Map<Element, BlockStats> stats, Element body, Explainer explainer) {
        this.stats = stats;
        this.body = body;
        this.explainer = explainer;
    }

    /** Whether the element is still in the page: an earlier removal may have taken it with an ancestor. */
    protected final boolean attached(Element el) {
        for (Element p = el; p != null; p = p.parent()) {
            if (p == body) {
                return true;
            }
        }
        return false;
    }
}
