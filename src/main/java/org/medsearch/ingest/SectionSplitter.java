package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Splits the article's element into sections at its top heading level (the highest of h2-h6 present).
 *
 * <p>Deeper headings stay inside their section as lines of text; text before the first heading becomes the
 * overview. Each section's anchor is the page's own: the heading's id, an anchor inside it, an empty
 * {@code <a name>} right before it, or the id of a container that wraps only this section; only then a slug
 * of the heading.
 */
final class SectionSplitter {
    static final String OVERVIEW = "Overview";

    /** A section as split, before its kind is decided. */
    record RawSection(String heading, String anchor, String text, boolean overview) {
    }

    /** One piece of the article in page order. */
    private record Block(Type type, String text, int level, Element element, String innerAnchor, boolean item) {
    }

    private enum Type { LINE, HEADING, ANCHOR }

    /**
     * @param titles comparison keys ({@link Texts#key}) of the title as shown; such a line before the first
     *               heading is the page title repeated, not overview text
     */
    List<RawSection> split(Element content, Set<String> titles) {
        BlockCollector collector = new BlockCollector();
        NodeTraversor.traverse(collector, content);
        collector.flush();
        List<Block> blocks = collector.blocks;
        int level = sectionLevel(blocks, titles);
        Map<Element, Integer> headingsInside = countSectionHeadings(blocks, level, content);

        Anchors anchors = new Anchors();
        List<RawSection> sections = new ArrayList<>();
        Draft current = new Draft(OVERVIEW, null, true);
        String pendingAnchor = null;
        for (Block b : blocks) {
            switch (b.type) {
                case ANCHOR -> pendingAnchor = b.text;
                case LINE -> {
                    if (!(current.overview && current.lines.isEmpty() && titles.contains(Texts.key(b.text)))) {
                        current.add(b.text, b.item);
                    }
                    pendingAnchor = null;
                }
                case HEADING -> {
                    boolean pageTitle = b.level == 1 && titles.contains(Texts.key(b.text));
                    if (!pageTitle && b.level == level) {
                        current.finish(sections, anchors, content);
                        String anchor = anchorOf(b, pendingAnchor, headingsInside, content);
                        current = new Draft(b.text, anchors.claim(anchor), false);
                    } else if (!pageTitle && b.level > level) {
                        current.add(b.text, false);
                    }
                    pendingAnchor = null;
                }
            }
        }
        current.finish(sections, anchors, content);
        return sections;
    }

    /**
     * The highest heading level (2..6) that has text; h1 is the page title. Only a page with no other
     * headings is split at its h1s (some sites head every section with one), the title's h1 excepted.
     */
    private static int sectionLevel(List<Block> blocks, Set<String> titles) {
        int level = Integer.MAX_VALUE;
        boolean otherH1 = false;
        for (Block b : blocks) {
            if (b.type == Type.HEADING && b.level >= 2) {
                level = Math.min(level, b.level);
            } else if (b.type == Type.HEADING && !titles.contains(Texts.key(b.text))) {
                otherH1 = true;
            }
        }
        return level == Integer.MAX_VALUE && otherH1 ? 1 : level;
    }

    /** For each container, how many section headings it holds; a container's id names a section only if 1. */
    private static Map<Element, Integer> countSectionHeadings(List<Block> blocks, int level, Element content) {
        Map<Element, Integer> counts = new IdentityHashMap<>();
        for (Block b : blocks) {
            if (b.type != Type.HEADING || b.level != level) {
                continue;
            }
            for (Element p = b.element.parent(); p != null; p = p.parent()) {
                counts.merge(p, 1, Integer::sum);
                if (p == content) {
                    break;
                }
            }
        }
        return counts;
    }

    private static String anchorOf(Block heading, String pendingAnchor, Map<Element, Integer> headingsInside,
                                   Element content) {
        String id = heading.element.id();
        if (!id.isBlank()) {
            return id;
        }
        if (heading.innerAnchor != null) {
            return heading.innerAnchor;
        }
        // <a name="x"></a> right before the heading targets it more precisely than any container.
        if (pendingAnchor != null) {
            return pendingAnchor;
        }
        for (Element p = heading.element.parent(); p != null; p = p.parent()) {
            if (!p.id().isBlank()) {
                if (headingsInside.getOrDefault(p, 0) == 1) {
                    return p.id();
                }
                break;
            }
            if (p == content) {
                break;
            }
        }
        return Anchors.slug(heading.text);
    }

    /** A section being filled. */
    private static final class Draft {
        final String heading;
        final String anchor;
        final boolean overview;
        final List<String> lines = new ArrayList<>();
        final List<Boolean> items = new ArrayList<>();

        Draft(String heading, String anchor, boolean overview) {
            this.heading = heading;
            this.anchor = anchor;
            this.overview = overview;
        }

        void add(String line, boolean item) {
            lines.add(line);
            items.add(item);
        }

        void finish(List<RawSection> out, Anchors anchors, Element content) {
            if (overview && lines.isEmpty()) {
                return;
            }
            // A caption left over from a table of contents whose links were removed.
            if (!overview && lines.isEmpty() && Boilerplate.isTocHeading(heading)) {
                return;
            }
            String a = anchor;
            if (overview) {
                a = anchors.claim(content.id().isBlank() ? "overview" : content.id());
            }
            out.add(new RawSection(heading, a, join(), overview));
        }

        /** List items and table rows one per line; other blocks separated by a blank line. */
        private String join() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    sb.append(items.get(i) && items.get(i - 1) ? "\n" : "\n\n");
                }
                sb.append(lines.get(i));
            }
            return sb.toString();
        }
    }

    /** Walks the article once, turning it into lines, headings and anchors. */
    private static final class BlockCollector implements NodeVisitor {
        private static final Set<String> ITEM_TAGS = Set.of("li", "tr", "dt", "dd");

        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int itemDepth;
        private int preDepth;
        private Element heading;
        private String headingAnchor;
        private boolean cellOpen;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            String tag = el.normalName();
            if (heading != null) {
                noteHeadingAnchor(el, tag);
                if (tag.equals("br")) {
                    appendText(" ");
                }
                return;
            }
            if (isHeading(tag)) {
                flush();
                heading = el;
                headingAnchor = null;
            } else if (tag.equals("br")) {
                flush();
            } else if (tag.equals("td") || tag.equals("th")) {
                if (cellOpen && line.length() > 0) {
                    line.append(" | ");
                }
                cellOpen = true;
            } else if (FurnitureFilter.BLOCK_TAGS.contains(tag)) {
                flush();
                if (ITEM_TAGS.contains(tag)) {
                    itemDepth++;
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (tag.equals("tr")) {
                    cellOpen = false;
                }
            } else if (tag.equals("a") && isEmptyAnchor(el)) {
                flush();
                blocks.add(new Block(Type.ANCHOR, anchorName(el), 0, el, null, false));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return;
            }
            if (el == heading) {
                String text = line.toString().trim();
                line.setLength(0);
                heading = null;
                if (!text.isEmpty()) {
                    int level = el.normalName().charAt(1) - '0';
                    blocks.add(new Block(Type.HEADING, text, level, el, headingAnchor, false));
                }
                return;
            }
            if (heading != null) {
                return;
            }
            String tag = el.normalName();
            if (FurnitureFilter.BLOCK_TAGS.contains(tag) && !tag.equals("td") && !tag.equals("th")) {
                flush();
                if (ITEM_TAGS.contains(tag)) {
                    itemDepth--;
                }
                if (tag.equals("pre")) {
                    preDepth--;
                }
            }
        }

        void flush() {
            String text = line.toString().trim();
            if (!text.isEmpty()) {
                blocks.add(new Block(Type.LINE, text, 0, null, null, itemDepth > 0));
            }
            line.setLength(0);
        }

        private void appendText(String s) {
            if (preDepth > 0 && heading == null && s.indexOf('\n') >= 0) {
                String[] parts = s.split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        flush();
                    }
                    Texts.appendNormalized(line, parts[i], Integer.MAX_VALUE);
                }
                return;
            }
            Texts.appendNormalized(line, s, Integer.MAX_VALUE);
        }

        private void noteHeadingAnchor(Element el, String tag) {
            if (headingAnchor == null && tag.equals("a")) {
                String name = anchorName(el);
                if (!name.isBlank()) {
                    headingAnchor = name;
                }
            } else if (headingAnchor == null && !el.id().isBlank()) {
                headingAnchor = el.id();
            }
        }

        private static boolean isHeading(String tag) {
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
        }

        /** {@code <a name="x"></a>} or {@code <a id="x"></a>}: a jump target with no text of its own. */
        private static boolean isEmptyAnchor(Element el) {
            return !anchorName(el).isBlank() && !el.hasAttr("href") && !el.hasText();
        }

        private static String anchorName(Element el) {
            String name = el.attr("name");
            return name.isBlank() ? el.id() : name;
        }
    }
}
