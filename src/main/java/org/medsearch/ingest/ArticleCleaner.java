package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Strips the furniture from a parsed page and finds the element that holds the article.
 *
 * <p>In order: one pass that drops what is never text and measures every block ({@link FurnitureFilter});
 * elements whose class or id names them furniture ({@link HintedRemoval}); what captions of related articles
 * and comments introduce ({@link CaptionedFurniture}); then the article block is chosen by text density (start
 * at the {@code main} landmark or the body and step down into a child while it holds most of the prose and
 * its siblings hold no sections or continuations of their own), and inside it link lists at the edges, teaser
 * cards ({@link TeaserCards}) and link lists ({@link PrecisionPass}) go. Every step can report to an
 * {@link Explainer}.
 */
final class ArticleCleaner {
    /** Step into a child that holds at least this share of its parent's prose. */
    private static final double DOMINANT_SHARE = 0.8;
    /** Prose a sibling needs to be a continuation of the article rather than a caption or a teaser. */
    private static final int CONTINUATION_PROSE = 150;
    /** A lead is a sentence or a few of prose: at least this much, and at most {@link #MAX_LEAD} in all. */
    private static final int LEAD_PROSE = 60;
    private static final int MAX_LEAD = 600;
    /** A box around the headline (kicker, headline, date) holds at most this much text. */
    private static final int HEADLINE_BOX = 400;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> NOT_TRIMMED_INTO = Set.of("ul", "ol", "dl", "table", "p", "pre");

    /** What the cleaner found: the article's element and the page's 'Also called' names. */
    record Cleaned(Element content, List<String> aliases) {
    }

    Cleaned clean(Document doc) {
        return clean(doc, false, null);
    }

    /**
     * @param keepAsides the second try on a page where nothing was found: asides and noscripts may hold it
     * @param explainer  records each decision, or null
     */
    Cleaned clean(Document doc, boolean keepAsides, Explainer explainer) {
        Element body = doc.body();
        FurnitureFilter filter = new FurnitureFilter(keepAsides, explainer);
        NodeTraversor.filter(filter, body);
        Map<Element, BlockStats> stats = filter.stats();
        stage(explainer, "class/id hints");
        new HintedRemoval(stats, body, explainer).apply(filter.hinted());
        stage(explainer, "captions of related articles and comments");
        new CaptionedFurniture(stats, body, explainer).apply(filter.captions());
        Element start = body;
        Element main = filter.main();
        if (main != null && weight(stats, main) * 2 >= weight(stats, body)) {
            start = main;
        }
        List<Element> leads = new ArrayList<>();
        Element content = narrow(start, stats, filter.headline(), leads);
        stage(explainer, "article block");
        if (explainer != null) {
            leads.forEach(lead -> explainer.kept(lead, "the headline's lead beside the article block: its opening paragraph"));
            explainOutside(content, explainer);
        }
        stage(explainer, "edges and precision");
        trimTrailing(content, stats, explainer);
        trimLeading(content, stats, explainer);
        new TeaserCards(stats, explainer).apply(filter.cards(), content);
        new PrecisionPass(stats, explainer).apply(content);
        if (explainer != null) {
            stage(explainer, "kept");
            explainer.kept(content, "the article block: most of the page's prose, no peer sections beside it");
        }
        return new Cleaned(content, filter.aliases());
    }

    private static void stage(Explainer explainer, String name) {
        if (explainer != null) {
            explainer.stage(name);
        }
    }

    /** Everything with text beside the chosen block and its ancestors was left out as outside the article. */
    private static void explainOutside(Element content, Explainer explainer) {
        for (Element el = content; el.parent() != null && !el.normalName().equals("body"); el = el.parent()) {
            for (Element sibling : el.parent().children()) {
                if (sibling != el && sibling.hasText()) {
                    explainer.dropped(sibling, "outside the article block");
                }
            }
        }
    }

    /** The article block, found from {@code node} down; the headline's leads met on the way are moved into it. */
    private static Element narrow(Element node, Map<Element, BlockStats> stats, Element headline, List<Element> leads) {
        Element content = narrowFrom(node, stats, headline, leads);
        // The headline's lead (standfirst) sat beside the body in the headline's box: it opens the article.
        for (int i = leads.size() - 1; i >= 0; i--) {
            content.prependChild(leads.get(i));
        }
        return content;
    }

    private static Element narrowFrom(Element node, Map<Element, BlockStats> stats, Element headline,
                                      List<Element> leads) {
        while (true) {
            Element best = null;
            int bestWeight = 0;
            for (Element child : node.children()) {
                if (HEADINGS.contains(child.normalName())) {
                    continue;
                }
                int w = weight(stats, child);
                if (w > bestWeight) {
                    best = child;
                    bestWeight = w;
                }
            }
            if (best == null || bestWeight < DOMINANT_SHARE * weight(stats, node)
                    || siblingsHoldSections(node, best, stats) || hasContinuation(node, best, stats)) {
                return node;
            }
            Element lead = leadBefore(node, best, stats, headline != null && precedes(headline, node, stats));
            if (lead != null) {
                leads.add(lead);
            }
            node = best;
        }
    }

    /**
     * The article's lead beside {@code child}: after the headline and right before the child, a short block of
     * prose of its own ('Am vergangenen Freitag hat die Bundesregierung ...'), as news templates put the
     * headline and its lead in one box and the body in the next; null when there is none. A picture and its
     * caption are no lead (one {@code selectFirst}: Jsoup matches the sibling itself too, so a {@code figure} sibling
     * is caught like one inside).
     */
    private static Element leadBefore(Element parent, Element child, Map<Element, BlockStats> stats,
                                      boolean afterHeadline) {
        boolean headline = afterHeadline;
        Element lead = null;
        for (Element sibling : parent.children()) {
            if (sibling == child) {
                return headline ? lead : null;
            }
            BlockStats s = stats.get(sibling);
            // A headline box is small: only such a box is searched for its h1, so this costs no walk of the page.
            if (sibling.normalName().equals("h1")
                    || (s != null && s.chars > 0 && s.chars <= HEADLINE_BOX && sibling.selectFirst("h1") != null)) {
                headline = true;
                lead = null;
            } else if (s != null && s.weight >= LEAD_PROSE && s.chars <= MAX_LEAD && s.headings == 0
                    && !s.linkDense() && sibling.selectFirst("h1, img, picture, figure, figcaption") == null) {
                lead = sibling;
            } else if (s != null && s.weight >= LEAD_PROSE) {
                lead = null;
            }
        }
        return null;
    }

    /**
     * Whether {@code a} comes before {@code node} in the page and is not inside it or around it: from their places in
     * the furniture pass, so stepping down a deeply nested page costs nothing per step (walking up the tree from both
     * at every step was cubic in the depth, and a page of 10,000 nested blocks never finished).
     */
    private static boolean precedes(Element a, Element node, Map<Element, BlockStats> stats) {
        BlockStats before = stats.get(a);
        BlockStats after = stats.get(node);
        return before != null && after != null && before.endsBefore(after);
    }

    /**
     * Stepping into {@code child} would lose a heading, or a block with prose under headings as high as the
     * child's own (a peer section). A promo box with an h3 beside an article of h2 sections is no peer.
     */
    private static boolean siblingsHoldSections(Element parent, Element child, Map<Element, BlockStats> stats) {
        BlockStats own = stats.get(child);
        int childLevel = own == null ? 7 : own.topLevel;
        for (Element sibling : parent.children()) {
            if (sibling == child) {
                continue;
            }
            BlockStats s = stats.get(sibling);
            if (s == null || s.chars == 0) {
                continue;
            }
            String tag = sibling.normalName();
            if (HEADINGS.contains(tag) && !tag.equals("h1")) {
                return true;
            }
            if (s.headings > 0 && s.hasProseBesideHeadings() && !s.linkDense() && s.topLevel <= childLevel) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sibling that continues the article: a block of the same kind (same tag, same first class word) with
     * real prose of its own, as sites split one story into several 'story-body' blocks around ads and
     * figures. Readability adds such siblings to its top candidate; stepping into one would lose the others.
     */
    private static boolean hasContinuation(Element parent, Element child, Map<Element, BlockStats> stats) {
        String kind = firstClassWord(child);
        if (kind.isEmpty()) {
            return false;
        }
        for (Element sibling : parent.children()) {
            if (sibling == child || !sibling.normalName().equals(child.normalName())) {
                continue;
            }
            BlockStats s = stats.get(sibling);
            if (s != null && s.weight >= CONTINUATION_PROSE && !s.linkDense()
                    && firstClassWord(sibling).equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** 'story-body story-body-2' -> 'story'; '' when the element has no class. */
    private static String firstClassWord(Element el) {
        String cls = el.className().trim();
        int end = 0;
        while (end < cls.length() && Character.isLetterOrDigit(cls.charAt(end))) {
            end++;
        }
        return cls.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Drops link-dense blocks (related links, share bars) after the last prose, descending into wrappers. */
    private static void trimTrailing(Element content, Map<Element, BlockStats> stats, Explainer explainer) {
        Element node = content;
        while (node != null) {
            List<Element> kids = node.children();
            int i = kids.size() - 1;
            boolean removedAfter = false;
            while (i >= 0) {
                Element kid = kids.get(i);
                BlockStats s = stats.get(kid);
                if (s != null && s.chars == 0) {
                    i--;
                } else if (s != null && s.linkDense()) {
                    explain(explainer, kid, "link list after the last prose (related links, share bar)");
                    kid.remove();
                    removedAfter = true;
                    i--;
                } else if (removedAfter && HEADINGS.contains(kid.normalName())) {
                    // The caption of the link list just removed ('Related articles').
                    explain(explainer, kid, "caption of the link list removed after it");
                    kid.remove();
                    i--;
                } else {
                    break;
                }
            }
            node = i >= 0 && descendable(kids.get(i), stats) ? kids.get(i) : null;
        }
    }

    /** Drops link-dense blocks (breadcrumbs, print links) before the first prose, keeping headings. */
    private static void trimLeading(Element content, Map<Element, BlockStats> stats, Explainer explainer) {
        Element node = content;
        while (node != null) {
            Element first = null;
            for (Element kid : node.children()) {
                BlockStats s = stats.get(kid);
                if (s != null && s.linkDense() && s.headings == 0) {
                    explain(explainer, kid, "link list before the first prose (breadcrumbs, print links)");
                    kid.remove();
                } else if (s == null || (s.chars > 0 && !kid.normalName().equals("h1"))) {
                    first = kid;
                    break;
                }
            }
            node = first != null && descendable(first, stats) ? first : null;
        }
    }

    private static void explain(Explainer explainer, Element el, String reason) {
        if (explainer != null) {
            explainer.dropped(el, reason);
        }
    }

    private static boolean descendable(Element el, Map<Element, BlockStats> stats) {
        return stats.containsKey(el) && !HEADINGS.contains(el.normalName())
                && !NOT_TRIMMED_INTO.contains(el.normalName()) && el.childrenSize() > 0;
    }

    private static int weight(Map<Element, BlockStats> stats, Element el) {
        BlockStats s = stats.get(el);
        return s == null ? 0 : s.weight;
    }
}
