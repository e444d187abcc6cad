package org.medsearch.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * One pass over the page body that removes furniture and measures what stays.
 *
 * <p>Removed on sight (head): elements that are never article text by their tag or ARIA role (scripts, forms'
 * controls, {@code nav}, {@code aside}, {@code footer}, site {@code header}s, hidden elements). Removed
 * after their text is known (tail): short blocks of stock phrases ({@link Boilerplate}), small print with such
 * phrases, link lists pointing into the page (tables of contents) and 'Also called' lines (kept as aliases).
 * Every block that stays gets its {@link BlockStats}, so choosing the article needs no second pass. Judged
 * later, once the whole page is measured, and only noted here: elements whose class or id names them
 * furniture ({@link #hinted()}), captions of related articles and comments ({@link #captions()}) and teaser
 * cards ({@link #cards()}).
 */
final class FurnitureFilter implements NodeFilter {
    /** Text kept per frame: enough to judge a short block, and it bounds the work on deep pages. */
    private static final int TEXT_CAP = Boilerplate.DISCLAIMER_BLOCK + 1;
    /** An 'Also called' line longer than this is prose that happens to start that way. */
    private static final int MAX_ALIAS_LINE = 2000;
    /** Prose from which a page {@code <header>} holds the article itself rather than a logo, menu and tagline. */
    private static final int HEADER_ARTICLE_PROSE = 1000;
    /** A related-articles line ('Lesen Sie auch: headline') is at most this long, with this much text outside links. */
    private static final int CAPTIONED_LINK_LINE = 250;
    private static final int CAPTIONED_LINK_OWN_TEXT = 40;
    /** A table-of-contents wrapper may keep a caption ('Contents', 'On this page') of at most this size. */
    private static final int TOC_CAPTION = 40;

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend");
    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "iframe",
            "object", "embed", "svg", "canvas", "video", "audio", "map", "button", "input", "select", "textarea",
            "label", "option", "nav", "aside", "footer", "dialog", "link", "meta", "frameset", "frame");
    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar");
    /** Removed on the first try only: the article itself may sit in one of these. */
    private static final Set<String> KEPT_ON_RETRY = Set.of("aside", "noscript");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> ITEMS = Set.of("li", "dt", "dd");
    private static final Set<String> CAPTION_BLOCKS = Set.of("p", "div", "header", "summary", "dt", "strong");
    private static final Set<String> CARD_TAGS = Set.of("li", "article", "div", "section", "td", "dd", "figure");
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl", "menu");

    /** The article may itself sit in an aside, a header or a noscript: the second try keeps those. */
    private final boolean keepAsides;
    private final Explainer explainer;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Hinted> hinted = new ArrayList<>();
    private final List<Element> captions = new ArrayList<>();
    private final List<Element> cards = new ArrayList<>();
    private final Map<Element, BlockStats> stats = new IdentityHashMap<>();
    private final List<String> aliases = new ArrayList<>();
    private Element main;
    private Element headline;
    /** Frames opened so far: each measured element's place in the page ({@link BlockStats#order}). */
    private int framesOpened;
    private int linkDepth;
    /** Open tables around the current node: a date or a name in a table is data, not a byline. */
    private int tableDepth;
    private int rereads;
    private int judgements;
    /** The last text judged by {@link #isFurniture(Frame)}, its counts and its verdict. */
    private String lastText;
    private int lastChars;
    private int lastLinkChars;
    private int lastLinks;
    private boolean lastVerdict;

    FurnitureFilter(boolean keepAsides, Explainer explainer) {
        this.keepAsides = keepAsides;
        this.explainer = explainer;
    }

    /** An element whose class or id names it furniture; judged once the whole page is measured. */
    static final class Hinted {
        final Element element;
        final BoilerplateHints.Hint hint;
        final Frame frame;

        Hinted(Element element, BoilerplateHints.Hint hint, Frame frame) {
            this.element = element;
            this.hint = hint;
            this.frame = frame;
        }

        /** Measurements of the element as far as its ancestors counted it. */
        BlockStats stats() {
            return frame.stats;
        }

        /** Prose the element adds to its ancestors' weight. */
        int weight() {
            return frame.block ? frame.stats.weight : frame.ownProse;
        }

        /** The article's landmark (main, article, articleBody) is inside. */
        boolean holdsLandmark() {
            return frame.landmark;
        }
    }

    /** Elements named as furniture by their class or id, in page order (outer before inner). */
    List<Hinted> hinted() {
        return hinted;
    }

    /** Headings that caption related articles or comments ('More on this', '3 Comments'), in page order. */
    List<Element> captions() {
        return captions;
    }

    /** Blocks that read as a teaser card (a linked headline over a short text), inner before outer. */
    List<Element> cards() {
        return cards;
    }

    /** Stats of every block that was kept. */
    Map<Element, BlockStats> stats() {
        return stats;
    }

    /** Names from 'Also called' lines, in page order. */
    List<String> aliases() {
        return aliases;
    }

    /** The page's first {@code h1} if it was kept, or null. */
    Element headline() {
        return headline != null && stats.containsKey(headline) ? headline : null;
    }

    /** The first {@code main} landmark that was kept, or null. */
    Element main() {
        return main != null && stats.containsKey(main) ? main : null;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            Frame top = frames.peek();
            if (top != null) {
                int n = Texts.appendNormalized(top.text, text.getWholeText(), TEXT_CAP);
                top.stats.chars += n;
                if (linkDepth > 0) {
                    top.stats.linkChars += n;
                } else {
                    top.ownProse += n;
                }
            }
            return FilterResult.CONTINUE;
        }
        if (node instanceof Comment) {
            return FilterResult.REMOVE;
        }
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        String never = neverTextReason(el);
        if (never != null) {
            if (explainer != null) {
                explainer.dropped(el, never);
            }
            return FilterResult.REMOVE;
        }
        String tag = el.normalName();
        BoilerplateHints.Hint hint = BoilerplateHints.of(el);
        boolean landmark = tag.equals("article") || tag.equals("main") || BoilerplateHints.isArticleBody(el);
        if (main == null && (tag.equals("main") || "main".equalsIgnoreCase(el.attr("role")))) {
            main = el;
        }
        if (headline == null && tag.equals("h1")) {
            headline = el;
        }
        if (tag.equals("table")) {
            tableDepth++;
        }
        boolean link = tag.equals("a") && el.hasAttr("href");
        if (tag.equals("a") && !link && el.hasAttr("name") && !frames.isEmpty()) {
            frames.peek().anchorTargets++;
        }
        if (link) {
            linkDepth++;
            Frame top = frames.peek();
            if (top != null) {
                top.stats.links++;
                // '#x' or 'page.html#x': a jump to a section, as tables of contents link.
                String href = el.attr("href");
                int hash = href.indexOf('#');
                if (hash >= 0 && hash < href.length() - 1) {
                    top.stats.fragmentLinks++;
                }
            }
        }
        Frame frame = null;
        if (BLOCK_TAGS.contains(tag)) {
            frame = new Frame(el, true);
        } else if (link || hint != null || landmark || isSmallPrint(el) || tag.equals("time")) {
            frame = new Frame(el, false);
        }
        if (frame != null) {
            // A page header is judged once its prose is known: a few sites put the whole article in one.
            frame.pageHeader = tag.equals("header") && !keepAsides && !insideArticle(el);
            frame.landmark = landmark;
            frame.stats.order = ++framesOpened;
            frames.push(frame);
            if (hint != null) {
                frame.hinted = true;
                hinted.add(new Hinted(el, hint, frame));
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        if (el.normalName().equals("a") && el.hasAttr("href")) {
            linkDepth--;
        } else if (el.normalName().equals("table")) {
            tableDepth--;
        }
        Frame top = frames.peek();
        if (top == null || top.element != el) {
            return FilterResult.CONTINUE;
        }
        frames.pop();
        top.stats.end = framesOpened;
        Frame parent = frames.peek();
        if (top.pageHeader && top.stats.weight < HEADER_ARTICLE_PROSE) {
            if (explainer != null) {
                explainer.dropped(el, "page header");
            }
            return FilterResult.REMOVE;
        }
        boolean caption = top.block && isCaptionHeading(top);
        if (caption) {
            // Kept for now: once the page is measured, the caption goes with what it introduces.
            captions.add(el);
        }
        boolean remove = !caption && (top.block ? judgeBlock(top, parent) : judgeInline(top, parent));
        if (remove) {
            if (explainer != null) {
                explainer.dropped(el, top.block ? blockReason(top) : "stock phrase (fine print or widget link)");
            }
            if (parent != null) {
                parent.removedChild = true;
            }
            if (top.anchorTargets > 0) {
                keepAnchorTargets(el);
            }
            return FilterResult.REMOVE;
        }
        if (top.block) {
            finishBlock(top);
        }
        if (parent != null) {
            parent.absorb(top);
        }
        return FilterResult.CONTINUE;
    }

    /** A heading ('Related articles', '3 Comments') whose section is related links or comments. */
    private static boolean isCaptionHeading(Frame f) {
        String tag = f.element.normalName();
        // A heading, or a short line standing in for one ('<p class=label>Explore further</p>'); never a list
        // item or cell, whose words are data.
        boolean headingLike = headingLevel(tag) > 0 || CAPTION_BLOCKS.contains(tag);
        return headingLike && f.stats.chars <= 60 && f.stats.headings == 0
                && Boilerplate.isFurnitureCaption(f.string());
    }

    static int headingLevel(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    /**
     * Moves the {@code <a name>} jump targets out of a block about to be removed: in unclosed legacy markup
     * a section's anchor often ends up inside the furniture paragraph before its heading.
     */
    static void keepAnchorTargets(Element block) {
        for (Element a : block.getElementsByTag("a")) {
            if (a.hasAttr("name") && !a.hasAttr("href") && !a.hasText()) {
                block.before(a.empty());
            }
        }
    }

    private boolean judgeInline(Frame f, Frame parent) {
        BlockStats s = f.stats;
        // A <time> stamp of the page ('15. Mai 2019, 05:28 Uhr') on its own; in a sentence it is the story's.
        boolean stamp = f.element.normalName().equals("time")
                && (parent == null || !parent.element.normalName().equals("p"));
        return isFurniture(f)
                || ((f.hinted || stamp) && tableDepth == 0 && Boilerplate.isDateOrCredit(f.string(), s.chars));
    }

    private boolean judgeBlock(Frame f, Frame parent) {
        BlockStats s = f.stats;
        String tag = f.element.normalName();
        boolean cutOff = f.text.length() >= TEXT_CAP;
        if (s.chars > 0 && s.headings == 0 && s.chars < MAX_ALIAS_LINE && Boilerplate.mayListAliases(f.text, cutOff)) {
            // Long alias lists outgrow the kept text; re-read those (rare) from the element.
            String text = cutOff ? reread(f.element) : f.string();
            List<String> names = Boilerplate.aliases(text);
            if (names != null) {
                aliases.addAll(names);
                f.reason = "'Also called' line (kept as the article's aliases)";
                return true;
            }
        }
        if (ITEMS.contains(tag)) {
            // List items are judged together by their list: 'Page last updated: June 2014' among other
            // items is content, a list made only of 'Facebook', 'Twitter', 'Print' items is a share bar.
            if (parent != null) {
                parent.items++;
                if (isFurniture(f)) {
                    parent.furnitureItems++;
                }
            }
            return false;
        }
        if (LISTS.contains(tag)) {
            if (f.items > 0 && f.furnitureItems == f.items) {
                f.reason = "list of share, print or feedback links";
                return true;
            }
        } else if (tableDepth == 0 && !tag.equals("figcaption")
                && Boilerplate.isDateOrCredit(f.string(), s.chars)) {
            // A date, time or photo credit on its own line; in a table cell it is data, and in a figure's
            // caption the reader sees it as part of the figure.
            f.reason = "a date, time or photo credit on its own";
            return true;
        } else if (isFurniture(f)
                || (s.chars > 0 && f.removedChild && !Boilerplate.hasWords(f.text))) {
            // The second case: 'Print this page | E-mail this page' once both links went leaves a bare '|'.
            f.reason = "stock phrase or widget words (share, feedback, review date, disclaimer ...)";
            return true;
        }
        if (s.links > 0 && s.chars <= CAPTIONED_LINK_LINE && s.chars - s.linkChars <= CAPTIONED_LINK_OWN_TEXT
                && s.headings == 0 && Boilerplate.isCaptionedLink(leadingText(f.element))) {
            f.reason = "a related-articles caption and its link ('Read more: ...')";
            return true;
        }
        // In-page links with at most a caption ('Jump to:'), as a list or inline.
        // A heading linking back to the table of contents and to itself ('Setting up¶') is still a heading.
        // Most of its links jump within the page: a page wrapper of menus with a skip link or two is no contents.
        boolean tocList = s.fragmentLinks >= 2 && s.fragmentLinks * 2 >= s.links && headingLevel(tag) == 0
                && (s.linkChars * 10 >= s.chars * 8 || s.chars - s.linkChars <= TOC_CAPTION);
        // A wrapper left with only a caption ('On this page') once its in-page link list went.
        boolean tocWrapper = f.tocChild && s.chars <= TOC_CAPTION;
        if (tocList || tocWrapper) {
            if (parent != null) {
                parent.tocChild = true;
            }
            return true;
        }
        return false;
    }

    /** The text of {@code el} before its first link (the line is short: judged only then). */
    private static String leadingText(Element el) {
        StringBuilder sb = new StringBuilder();
        Node n = el.childNodeSize() > 0 ? el.childNode(0) : null;
        while (n != null && sb.length() <= CAPTIONED_LINK_OWN_TEXT) {
            if (n instanceof Element e && e.normalName().equals("a")) {
                break;
            }
            if (n instanceof TextNode t) {
                sb.append(t.getWholeText());
            }
            // Depth first: into an element's children, else to the next sibling of it or of an ancestor.
            Node next = n instanceof Element e && e.childNodeSize() > 0 ? e.childNode(0) : null;
            while (next == null && n != null && n != el) {
                next = n.nextSibling();
                if (next == null) {
                    n = n.parent();
                }
            }
            n = n == el ? null : next;
        }
        return sb.toString();
    }

    /**
     * {@link Boilerplate#isFurniture} of the frame's text and counts. The last verdict is remembered: a wrapper
     * around a single block (or a list item that is one link) has the same text and counts as what it wraps,
     * judged just before it, so a chain of wrappers costs one judgement instead of one per level.
     */
    private boolean isFurniture(Frame f) {
        BlockStats s = f.stats;
        if (!Boilerplate.mayBeFurniture(s.chars)) {
            return false;
        }
        String text = f.string();
        if (s.chars == lastChars && s.linkChars == lastLinkChars && s.links == lastLinks && text.equals(lastText)) {
            return lastVerdict;
        }
        judgements++;
        lastVerdict = Boilerplate.isFurniture(text, s.chars, s.linkChars, s.links);
        lastText = text;
        lastChars = s.chars;
        lastLinkChars = s.linkChars;
        lastLinks = s.links;
        return lastVerdict;
    }

    /** How many texts were judged by their words; a repeated text reuses its verdict. */
    int judgements() {
        return judgements;
    }

    /** The whole text of a block whose kept text was cut off, read again from the page (counted). */
    private String reread(Element el) {
        rereads++;
        return Texts.normalize(el.text());
    }

    /** How many blocks had their text read again from the page: each is a second walk over its subtree. */
    int rereads() {
        return rereads;
    }

    private void finishBlock(Frame f) {
        BlockStats s = f.stats;
        String tag = f.element.normalName();
        // Prose counts only where the block's own text is not mostly links (menus, link lists).
        int ownLinks = s.linkChars - f.childLinkChars;
        if (!tag.equals("h1") && f.ownProse >= ownLinks) {
            s.weight += f.ownProse;
        }
        if (HEADINGS.contains(tag) && s.chars > 0) {
            s.headings++;
            s.headingChars += s.chars;
            s.topLevel = Math.min(s.topLevel, tag.charAt(1) - '0');
        }
        if (headingLevel(tag) > 0 && s.links > s.fragmentLinks && s.linkChars * 10 >= s.chars * 6) {
            // A headline linking to another page (perhaps after a kicker: '<strong>Editorial</strong> <a>..</a>');
            // one linking within the page is a section's permalink.
            s.linkedHeadings++;
        } else if (CARD_TAGS.contains(tag) && s.linkedHeadings == 1 && s.headings <= 1 && s.chars > 0
                && s.chars <= TeaserCards.MAX_CARD_CHARS) {
            cards.add(f.element);
        }
        stats.put(f.element, s);
    }

    /** Why the element can never hold article text (its tag, role or visibility), or null. */
    private String neverTextReason(Element el) {
        String tag = el.normalName();
        if (NEVER_TEXT.contains(tag) && !(keepAsides && KEPT_ON_RETRY.contains(tag))) {
            return "tag <" + tag + ">";
        }
        if (el.attributesSize() == 0) {
            return null;
        }
        if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return "hidden";
        }
        String role = el.attr("role").toLowerCase(Locale.ROOT);
        if (FURNITURE_ROLES.contains(role) && !(keepAsides && role.equals("complementary"))) {
            return "role=" + role;
        }
        String style = el.attr("style");
        if (!style.isEmpty() && isHiddenStyle(style.replace(" ", "").toLowerCase(Locale.ROOT))) {
            return "hidden (style)";
        }
        return null;
    }

    /** Not shown: display:none, visibility:hidden, or moved off-screen (left:-9999px, the screen-reader trick). */
    private static boolean isHiddenStyle(String s) {
        if (s.contains("display:none") || s.contains("visibility:hidden")) {
            return true;
        }
        int at = s.indexOf("left:-");
        if (at < 0) {
            at = s.indexOf("top:-");
        }
        if (at >= 0) {
            int i = s.indexOf('-', at) + 1;
            int digits = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
            return digits >= 4;
        }
        return false;
    }

    /** Why a block was judged furniture, for {@code clean --explain}. */
    private static String blockReason(Frame f) {
        if (f.reason != null) {
            return f.reason;
        }
        return "table of contents (in-page links)";
    }

    /** A page header is furniture; a header inside the article (title, standfirst) is not. */
    private static boolean insideArticle(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("article") || tag.equals("main") || tag.equals("section")
                    || "main".equalsIgnoreCase(p.attr("role"))) {
                return true;
            }
        }
        return false;
    }

    /** Fine print ({@code <small>}, {@code <font size=1>}): judged on its own even inside a longer block. */
    private static boolean isSmallPrint(Element el) {
        String tag = el.normalName();
        if (tag.equals("small")) {
            return true;
        }
        if (tag.equals("font")) {
            String size = el.attr("size").trim();
            return size.equals("1") || size.equals("2") || size.startsWith("-");
        }
        return false;
    }

    /** The text and measurements of one open element. */
    static final class Frame {
        final Element element;
        final boolean block;
        final StringBuilder text = new StringBuilder();
        final BlockStats stats = new BlockStats();
        /** Visible characters outside links and outside child blocks. */
        int ownProse;
        /** Link characters that came from child blocks (already judged there). */
        int childLinkChars;
        boolean tocChild;
        /** Empty {@code <a name>} jump targets inside, kept if this element is removed. */
        int anchorTargets;
        /** A child of this element was removed as furniture. */
        boolean removedChild;
        /** Why the block was judged furniture, for {@code clean --explain}. */
        String reason;
        /** The element's class or id names it furniture. */
        boolean hinted;
        /** The element is or holds the article's landmark (main, article, itemprop=articleBody). */
        boolean landmark;
        /** A {@code <header>} outside any article: furniture unless it holds the article's prose. */
        boolean pageHeader;
        /** List items seen in this list, and how many of them read like furniture. */
        int items;
        int furnitureItems;
        private String string;

        /** The kept text as a string, made once when the element is judged (its text is complete by then). */
        String string() {
            if (string == null) {
                string = text.toString();
            }
            return string;
        }

        Frame(Element element, boolean block) {
            this.element = element;
            this.block = block;
        }

        /** Folds a finished child into this frame. */
        void absorb(Frame child) {
            landmark |= child.landmark;
            if (child.block) {
                if (text.length() > 0 && text.length() < TEXT_CAP && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                stats.add(child.stats);
                childLinkChars += child.stats.linkChars;
                anchorTargets += child.anchorTargets;
            } else {
                // An inline frame's text is part of this block's own text.
                stats.chars += child.stats.chars;
                stats.linkChars += child.stats.linkChars;
                stats.links += child.stats.links;
                stats.fragmentLinks += child.stats.fragmentLinks;
                ownProse += child.ownProse;
                anchorTargets += child.anchorTargets;
            }
            if (text.length() < TEXT_CAP) {
                text.append(child.text, 0, Math.min(child.text.length(), TEXT_CAP - text.length()));
            }
        }
    }
}
