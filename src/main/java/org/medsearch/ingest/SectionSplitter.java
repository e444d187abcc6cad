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
 * Splits the article's element into its outline: a section for every heading, nested by heading level.
 *
 * <p>Every heading inside the article ({@code h1}-{@code h6} other than the title's own, and elements with
 * {@code role="heading"} at their {@code aria-level}) opens a section; it closes at the next heading of the
 * same or a higher level, and headings of a lower level in between are its sub-sections. Text before the first
 * heading becomes the overview. Each section's anchor is the page's own: the heading's id, an anchor inside
 * it, an empty {@code <a name>} right before it, or the id of a container whose first heading it is and that
 * holds no other heading as high; only then a slug of the heading.
 */
final class SectionSplitter {
    /** The label of the untitled text before the first heading, where a search result needs one. */
    static final String OVERVIEW = "Overview";

    /** A section as split, before its kind is decided; {@code children} are its sub-sections. */
    record RawSection(String heading, String anchor, String text, boolean overview, List<RawSection> children) {
        RawSection(String heading, String anchor, String text, boolean overview) {
            this(heading, anchor, text, overview, List.of());
        }
    }

    /**
     * One piece of the article in page order; {@code mark} for a line outside {@code pre} and tables whose whole
     * text is a list bullet ({@link #isBulletMark}).
     */
    private record Block(Type type, String text, int level, Element element, String innerAnchor, boolean item,
                         boolean mark) {
        Block(Type type, String text, int level, Element element, String innerAnchor, boolean item) {
            this(type, text, level, element, innerAnchor, item, false);
        }
    }

    /** Marks a page may draw its list bullets with; an asterisk only counts in a run (see {@link #joinBullets}). */
    private static final String BULLETS = "-\u2013\u2022\u00b7*\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6"
            + "\u25ba\u25b8\u2023\u2043\u2219";

    private enum Type { LINE, HEADING, ANCHOR }

    /**
     * @param titles comparison keys ({@link Texts#key}) of the title as shown; such a line or heading before
     *               the first section is the page title repeated, not overview text
     */
    List<RawSection> split(Element content, Set<String> titles) {
        BlockCollector collector = new BlockCollector();
        NodeTraversor.traverse(collector, content);
        collector.flush();
        List<Block> blocks = joinBullets(collector.blocks);
        Map<Element, Container> containers = containers(blocks, content);

        Anchors anchors = new Anchors();
        // The text before the first heading has no heading on the page, so its section has none either.
        Draft root = new Draft("", null, true, 0);
        List<Draft> open = new ArrayList<>();
        open.add(root);
        String pendingAnchor = null;
        boolean sectionSeen = false;
        for (Block b : blocks) {
            Draft current = open.get(open.size() - 1);
            switch (b.type) {
                case ANCHOR -> pendingAnchor = b.text;
                case LINE -> {
                    if (!(current == root && root.lines.isEmpty() && titles.contains(Texts.key(b.text)))) {
                        current.add(b.text, b.item);
                    }
                    pendingAnchor = null;
                }
                case HEADING -> {
                    boolean pageTitle = (b.level == 1 || (!sectionSeen && root.lines.isEmpty()))
                            && titles.contains(Texts.key(b.text));
                    if (pageTitle && !sectionSeen && root.heading.isEmpty()) {
                        // The headline heads the opening text: it is that section's heading on the page.
                        root.heading = b.text;
                    }
                    if (!pageTitle) {
                        if (!sectionSeen) {
                            root.claimOverview(anchors, content);
                        }
                        while (open.size() > 1 && open.get(open.size() - 1).level >= b.level) {
                            open.remove(open.size() - 1);
                        }
                        String anchor = anchors.claim(anchorOf(b, pendingAnchor, containers, content));
                        Draft section = new Draft(b.text, anchor, false, b.level);
                        open.get(open.size() - 1).children.add(section);
                        open.add(section);
                        sectionSeen = true;
                    }
                    pendingAnchor = null;
                }
            }
        }
        List<RawSection> sections = new ArrayList<>();
        root.finishOverview(sections, anchors, content);
        for (Draft d : root.children) {
            d.finish(sections);
        }
        return sections;
    }

    /** True for a line that is only a list bullet: {@code -}, {@code \u2022}, {@code \u25aa} ... */
    static boolean isBulletMark(String text) {
        return text.length() == 1 && BULLETS.indexOf(text.charAt(0)) >= 0;
    }

    /**
     * Pages that write a list as paragraphs ({@code <p>-</p><p>Pain</p><p>-</p><p>Fever</p>}) give their bullets
     * lines of their own: each joins the line after it as its marker ({@code - Pain}), a list item, and one with
     * no line after it before the next heading goes. A lone asterisk (not two lines from another) is a section
     * break or a footnote mark, not a bullet, and stays as it is.
     */
    private static List<Block> joinBullets(List<Block> blocks) {
        List<Block> out = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.mark && !(b.text.equals("*") && !asteriskRun(blocks, i))) {
                if (out == null) {
                    out = new ArrayList<>(blocks.subList(0, i));
                }
                Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                if (next != null && next.type == Type.LINE && !next.mark) {
                    out.add(new Block(Type.LINE, b.text + " " + next.text, 0, null, null, true));
                    i++;
                }
                continue;
            }
            if (out != null) {
                out.add(b);
            }
        }
        return out == null ? blocks : out;
    }

    private static boolean asteriskRun(List<Block> blocks, int i) {
        return (i >= 2 && blocks.get(i - 2).mark && blocks.get(i - 2).text.equals("*"))
                || (i + 2 < blocks.size() && blocks.get(i + 2).mark && blocks.get(i + 2).text.equals("*"));
    }

    /** A container's first heading and how many of its headings are at that heading's level or higher. */
    private static final class Container {
        final Block first;
        int asHigh = 1;

        Container(Block first) {
            this.first = first;
        }
    }

    private static Map<Element, Container> containers(List<Block> blocks, Element content) {
        Map<Element, Container> map = new IdentityHashMap<>();
        for (Block b : blocks) {
            if (b.type != Type.HEADING) {
                continue;
            }
            for (Element p = b.element.parent(); p != null; p = p.parent()) {
                Container c = map.get(p);
                if (c == null) {
                    map.put(p, new Container(b));
                } else if (b.level <= c.first.level) {
                    c.asHigh++;
                }
                if (p == content) {
                    break;
                }
            }
        }
        return map;
    }

    private static String anchorOf(Block heading, String pendingAnchor, Map<Element, Container> containers,
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
                Container c = containers.get(p);
                if (c != null && c.first == heading && c.asHigh == 1) {
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
        String heading;
        final String anchor;
        final boolean overview;
        final int level;
        final List<String> lines = new ArrayList<>();
        final List<Boolean> items = new ArrayList<>();
        final List<Draft> children = new ArrayList<>();
        String overviewAnchor;

        Draft(String heading, String anchor, boolean overview, int level) {
            this.heading = heading;
            this.anchor = anchor;
            this.overview = overview;
            this.level = level;
        }

        void add(String line, boolean item) {
            lines.add(line);
            items.add(item);
        }

        /** The overview takes its anchor before the sections do, so theirs get the suffixes on a clash. */
        void claimOverview(Anchors anchors, Element content) {
            if (!lines.isEmpty() && overviewAnchor == null) {
                overviewAnchor = anchors.claim(content.id().isBlank() ? "overview" : content.id());
            }
        }

        void finishOverview(List<RawSection> out, Anchors anchors, Element content) {
            claimOverview(anchors, content);
            if (!lines.isEmpty()) {
                out.add(new RawSection(heading, overviewAnchor, join(), true));
            }
        }

        void finish(List<RawSection> out) {
            List<RawSection> subs = new ArrayList<>();
            for (Draft d : children) {
                d.finish(subs);
            }
            // A caption left over from a table of contents whose links were removed.
            if (lines.isEmpty() && subs.isEmpty() && Boilerplate.isTocHeading(heading)) {
                return;
            }
            out.add(new RawSection(heading, anchor, join(), false, subs));
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
        /** A role=heading element with more text than this is a wrongly marked block, not a heading. */
        private static final int MAX_ROLE_HEADING = 200;

        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int itemDepth;
        private int preDepth;
        /** Tables nest: a cell's '-' says 'none', it is no bullet. */
        private int tableDepth;
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
            if (isHeading(el, tag)) {
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
                } else if (tag.equals("table")) {
                    tableDepth++;
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
                    int level = levelOf(el);
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
                } else if (tag.equals("table")) {
                    tableDepth--;
                }
            }
        }

        void flush() {
            String text = line.toString().trim();
            if (!text.isEmpty() && !Boilerplate.isServerError(text)) {
                blocks.add(new Block(Type.LINE, text, 0, null, null, itemDepth > 0,
                        preDepth == 0 && tableDepth == 0 && isBulletMark(text)));
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

        private static boolean isHeading(Element el, String tag) {
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                return true;
            }
            return el.attributesSize() > 0 && isRoleHeading(el);
        }

        /** {@code <div role="heading" aria-level="3">}: a heading drawn without a heading tag. */
        static boolean isRoleHeading(Element el) {
            return "heading".equalsIgnoreCase(el.attr("role")) && el.hasText()
                    && el.text().length() <= MAX_ROLE_HEADING;
        }

        /** h1..h6 by tag; a role heading by its aria-level (2 when it states none, as ARIA defines). */
        private static int levelOf(Element el) {
            String tag = el.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                return tag.charAt(1) - '0';
            }
            try {
                int level = Integer.parseInt(el.attr("aria-level").trim());
                return Math.max(1, Math.min(6, level));
            } catch (NumberFormatException none) {
                return 2;
            }
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
