package org.medsearch.ingest;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Removes teaser cards: blocks made of a headline that is one link to another page and a short text under it,
 * the unit of every 'more stories' grid and news river. A card is removed when it has a sibling card (a grid
 * or list of them); a lone card only when it is short, since one linked heading over a real section can be
 * a blog post's permalink title.
 */
final class TeaserCards {
    /** A teaser's headline and snippet; an article section under a linked heading runs longer. */
    static final int MAX_CARD_CHARS = 500;
    /** A lone card no longer than this is still a teaser ('Related: headline'). */
    private static final int LONE_CARD_CHARS = 200;

    private final Map<Element, BlockStats> stats;
    private final Explainer explainer;

    TeaserCards(Map<Element, BlockStats> stats, Explainer explainer) {
        this.stats = stats;
        this.explainer = explainer;
    }

    /** @param cards card candidates, inner before outer */
    void apply(List<Element> cards, Element content) {
        if (cards.isEmpty()) {
            return;
        }
        Set<Element> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        candidates.addAll(cards);
        Map<Element, Integer> perParent = new IdentityHashMap<>();
        for (Element c : cards) {
            if (isOutermost(c, candidates) && c.parent() != null) {
                perParent.merge(c.parent(), 1, Integer::sum);
            }
        }
        for (Element c : cards) {
            if (!isOutermost(c, candidates) || c.parent() == null || !inside(c, content)) {
                continue;
            }
            int siblings = perParent.getOrDefault(c.parent(), 0);
            BlockStats s = stats.get(c);
            if (siblings >= 2 || (s != null && s.chars <= LONE_CARD_CHARS)) {
                if (explainer != null) {
                    explainer.dropped(c, "teaser card: a linked headline over a short text"
                            + (siblings >= 2 ? " (one of " + siblings + ")" : ""));
                }
                FurnitureFilter.keepAnchorTargets(c);
                c.remove();
            }
        }
    }

    /** No ancestor of {@code c} is itself a card (the card is the largest block around its headline). */
    private static boolean isOutermost(Element c, Set<Element> candidates) {
        Element p = c.parent();
        return p == null || !candidates.contains(p);
    }

    private static boolean inside(Element el, Element content) {
        for (Element p = el; p != null; p = p.parent()) {
            if (p == content) {
                return true;
            }
        }
        return false;
    }
}
