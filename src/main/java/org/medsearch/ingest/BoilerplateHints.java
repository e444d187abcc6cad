package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.nodes.Element;

/**
 * Reads what a page's markup says an element is for: the words of its {@code class} and {@code id}, its
 * {@code itemprop}/{@code itemtype} and its inline style. Sites everywhere name their furniture with the same
 * words ({@code comment}, {@code sidebar}, {@code related}, {@code share}, {@code newsletter}, ...), as
 * Readability's and trafilatura's class lists show; these are such words, never one site's class names.
 *
 * <p>Words are matched on tokens ('entry-meta' is 'entry' and 'meta'; 'relatedPosts' is 'related' and
 * 'posts'), and a few stems inside compounds ('commentlist', 'sharebar'), so that 'barrier' or 'metadata'
 * in a real container's name never matches.
 */
final class BoilerplateHints {
    /** A furniture signal: what kind of furniture, and the word that said so (for {@code clean --explain}). */
    record Hint(String kind, String word) {
        @Override
        public String toString() {
            return kind + " (" + word + ")";
        }
    }

    /** Tags that never carry a class hint worth reading: the page frame and inline formatting. */
    private static final Set<String> NOT_JUDGED = Set.of("html", "body", "main", "article", "a", "b", "i", "em",
            "strong", "u", "sup", "sub", "abbr", "code", "br", "img", "picture", "source", "tbody", "thead", "tr",
            "td", "th", "font", "time", "mark", "q", "cite", "small");

    /** kind, then its words: a token equal to a word, or (words ending in '*') starting with it. */
    private static final String[][] KINDS = {
        {"comments", "comment*", "comments*", "commentlist", "commentform", "disqus*", "respond", "reply*",
            "replies", "akismet*", "discussion", "pingback*", "trackback*"},
        {"related", "related*", "relatedposts", "recommend*", "recommended", "teaser*", "trending", "popular",
            "mostpopular", "most-popular", "similar", "suggest*", "outbrain*", "taboola*", "readmore", "more",
            "also", "next", "prev", "previous", "pagination", "pager", "further"},
        {"share", "share*", "sharing", "shariff*", "social*", "sociable", "syndication", "addthis*", "follow"},
        {"promo", "newsletter*", "subscribe*", "subscription*", "signup", "optin", "promo*", "sponsor*",
            "advert*", "ad", "ads", "adsense", "adslot", "banner*", "paywall*", "donate*", "donation*", "cta",
            "affiliate*", "shop", "shopping", "marketing", "partner*", "commercial",
            // The same in a few other languages: subscriptions and donations.
            "abo", "abonnement*", "assinatura*", "suscripcion*", "spende*"},
        {"sidebar", "sidebar*", "widget*", "rail", "aside", "sidebox"},
        {"footer", "footer*", "colophon", "copyright", "legal", "disclaimer"},
        {"cookie", "cookie*", "consent*", "gdpr", "privacy"},
        {"rating", "rating*", "ratings", "rate", "vote*", "voting", "stars", "feedback", "poll", "helpful"},
        {"breadcrumb", "breadcrumb*", "breadcrumbs", "crumbs", "crumb"},
        {"navigation", "nav", "navbar", "navigation", "menu*", "submenu", "subnav", "skip", "jump", "toolbar",
            "tabs"},
        {"tags", "tags", "tag", "taglist", "tagcloud", "keywords", "categories", "category", "topics"},
        {"byline", "author*", "byline*", "bio", "dateline", "timestamp", "date", "meta", "postmeta", "published",
            "posted", "avatar", "vcard", "profile"},
        {"credit", "credit*", "photocredit", "copyright", "photographer"},
        {"gallery", "gallery*", "galerie*", "slideshow*", "carousel*", "slides"},
        {"player", "player*", "videoplayer*", "jwplayer*", "mediaplayer*"},
        {"contact", "contact*", "kontakt*", "address", "ansprechpartner*"},
        {"popup", "popup*", "modal*", "overlay*", "lightbox*", "dialog", "toast", "flyout", "interstitial"},
        {"login", "login*", "signin", "register", "registration", "account"},
        {"tools", "print", "printer", "email", "mail", "tools", "button*", "btn", "icon*", "download"},
    };

    /**
     * Words of a class name that hides its element on every screen ('sr-only', 'visually-hidden',
     * 'screen-reader-text'); a name with any other word ('hidden-xs', 'hide@tablet') hides it on some only.
     */
    private static final Set<String> HIDING_WORDS = Set.of("hidden", "hide", "sr", "only", "sronly", "visually",
            "screen", "reader", "screenreader", "text", "invisible", "offscreen", "is", "u", "element");
    private static final Set<String> HIDING_MARKS = Set.of("hidden", "hide", "sronly", "visually", "screenreader",
            "invisible", "offscreen", "reader");

    /** Names of more words than this are slugs of headings or sentences, not what the element is for. */
    private static final int MAX_NAME_WORDS = 4;

    /** Names that also say 'article' override a weak furniture word ('entry-content', 'post-body'). */
    private static final Set<String> POSITIVE = Set.of("article", "articlebody", "content", "entry", "main",
            "post", "story", "body", "text", "hentry", "blogpost", "prose");

    /** Kinds strong enough to win over a positive word ('comment-content' is a comment). */
    private static final Set<String> STRONG = Set.of("comments", "share", "cookie", "popup", "hidden");

    /** Exact words to their kind, and (kind, stem) pairs for the 'word*' entries: built once from KINDS. */
    private static final Map<String, String> EXACT = new HashMap<>();
    private static final List<String[]> PREFIXES = new ArrayList<>();

    static {
        for (String[] kind : KINDS) {
            for (int i = 1; i < kind.length; i++) {
                String w = kind[i];
                if (w.endsWith("*")) {
                    PREFIXES.add(new String[] {kind[0], w.substring(0, w.length() - 1)});
                } else {
                    EXACT.putIfAbsent(w, kind[0]);
                }
            }
        }
    }

    private BoilerplateHints() {
    }

    /**
     * The furniture hint the element's markup gives, or null when it says nothing or says 'article'.
     *
     * <p>Each class name (and the id) is read by its last telling word, as English compounds are: 'entry-meta'
     * is meta, 'entry-content' is content, 'content-sidebar' is a sidebar. A strong kind (comments, share,
     * cookie, popup, hidden) anywhere wins; otherwise one name that says 'article' ('post', 'hentry') outweighs
     * the weak words of the others ('category-news', 'tag-x' on a blog's article element).
     */
    static Hint of(Element el) {
        String tag = el.normalName();
        if (el.attributesSize() == 0 || NOT_JUDGED.contains(tag) || tag.indexOf('-') >= 0) {
            // Custom elements (mjx-container, x-widget) name their own component, not the page's layout.
            return null;
        }
        String itemtype = el.attr("itemtype");
        if (itemtype.contains("Comment") || el.attr("itemprop").regionMatches(true, 0, "comment", 0, 7)) {
            return new Hint("comments", "itemtype");
        }
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return null;
        }
        String key = cls + '#' + id;
        Hint cached = CACHE.get(key);
        if (cached != null) {
            return cached == NONE ? null : cached;
        }
        Hint hint = judge(cls, id);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, hint == null ? NONE : hint);
        }
        return hint;
    }

    /**
     * Sites repeat the same class names on every page, so the verdict on a class-and-id pair is kept (shared by
     * all threads; bounded, since ids like 'comment-4711' never repeat).
     */
    private static final Map<String, Hint> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;
    private static final Hint NONE = new Hint("", "");

    private static Hint judge(String cls, String id) {
        Hint[] weak = new Hint[1];
        boolean[] positive = new boolean[1];
        Hint strong = judgeNames(cls, weak, positive);
        if (strong == null && !id.isEmpty()) {
            strong = judgeName(id, weak, positive);
        }
        if (strong != null) {
            return strong;
        }
        return positive[0] ? null : weak[0];
    }

    /** Each whitespace-separated class name in turn (no regex split: this runs on every classed element). */
    private static Hint judgeNames(String cls, Hint[] weak, boolean[] positive) {
        int start = 0;
        int n = cls.length();
        while (start < n) {
            while (start < n && Character.isWhitespace(cls.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(cls.charAt(end))) {
                end++;
            }
            if (end > start) {
                Hint strong = judgeName(cls.substring(start, end), weak, positive);
                if (strong != null) {
                    return strong;
                }
            }
            start = end;
        }
        return null;
    }

    /** Reads one name: returns a strong hint, or notes a weak one or a positive word. */
    private static Hint judgeName(String name, Hint[] weak, boolean[] positive) {
        List<String> tokens = tokens(name);
        if (tokens.size() > MAX_NAME_WORDS) {
            // 'sharing-with-a-single-developer': a heading's slug used as an anchor, not a design name.
            return null;
        }
        if (hides(tokens)) {
            return new Hint("hidden", name);
        }
        for (String t : tokens) {
            Hint h = match(t);
            if (h != null && STRONG.contains(h.kind())) {
                return h;
            }
        }
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i);
            if (POSITIVE.contains(t)) {
                if (i > 0 && isRelatedModifier(tokens.get(i - 1))) {
                    // 'related-post', 'similar-articles': a post that is related is a teaser of another one.
                    if (weak[0] == null) {
                        weak[0] = new Hint("related", tokens.get(i - 1));
                    }
                    return null;
                }
                positive[0] = true;
                return null;
            }
            Hint h = match(t);
            if (h != null) {
                if (weak[0] == null) {
                    weak[0] = h;
                }
                return null;
            }
        }
        return null;
    }

    /** 'related', 'similar', 'recommended': words that make the article word after them another article's. */
    private static boolean isRelatedModifier(String token) {
        return token.startsWith("related") || token.equals("similar") || token.startsWith("recommend");
    }

    /** Whether the markup names the element as the article itself ('article-body', itemprop=articleBody). */
    static boolean isArticleBody(Element el) {
        return el.attributesSize() > 0 && "articleBody".equalsIgnoreCase(el.attr("itemprop"));
    }

    private static boolean hides(List<String> tokens) {
        boolean mark = false;
        for (String t : tokens) {
            if (!HIDING_WORDS.contains(t)) {
                return false;
            }
            mark |= HIDING_MARKS.contains(t);
        }
        return mark;
    }

    private static Hint match(String token) {
        if (token.startsWith("commentar")) {
            // 'commentary' is an article type, not a comment thread.
            return null;
        }
        String kind = EXACT.get(token);
        if (kind != null) {
            return new Hint(kind, token);
        }
        for (String[] p : PREFIXES) {
            if (token.startsWith(p[1])) {
                return new Hint(p[0], token);
            }
        }
        // Numbered variants of a word: 'cta3', 'sidebar2', 'widget10'.
        int end = token.length();
        while (end > 0 && Character.isDigit(token.charAt(end - 1))) {
            end--;
        }
        if (end >= 2 && end < token.length()) {
            Hint h = match(token.substring(0, end));
            return h == null ? null : new Hint(h.kind(), token);
        }
        return null;
    }

    /**
     * 'relatedPosts entry-meta' -> [related, posts, entry, meta]; 'sr-only' also gives 'sronly'; a compound
     * ('commentlist', 'sharebar') keeps its stem at the start, which {@code word*} entries match.
     */
    static List<String> tokens(String names) {
        List<String> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        String prevWord = null;
        char prev = ' ';
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean camel = Character.isUpperCase(c) && Character.isLowerCase(prev);
            if (!Character.isLetterOrDigit(c) || camel) {
                if (t.length() > 0) {
                    String word = t.toString();
                    out.add(word);
                    if (prevWord != null && prevWord.length() <= 2) {
                        out.add(prevWord + word);
                    }
                    prevWord = word;
                    t.setLength(0);
                }
                if (Character.isWhitespace(c)) {
                    prevWord = null;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                t.append(Character.toLowerCase(c));
            }
            prev = c;
        }
        return out;
    }
}
