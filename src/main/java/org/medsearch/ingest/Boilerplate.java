package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises site furniture by its words: the short, stock phrases that sites put around an article
 * (feedback prompts, share and print links, review dates, disclaimers). Only short blocks are judged,
 * so a real paragraph that happens to mention "cookies" or "print" is never dropped.
 */
final class Boilerplate {
    /** Blocks longer than this (visible characters) are never judged furniture by their words. */
    static final int SHORT_BLOCK = 160;
    /** Disclaimers run longer than other furniture. */
    static final int DISCLAIMER_BLOCK = 450;

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /**
     * A furniture phrase: the regex runs only on text that contains the literal trigger, which keeps the
     * cost of judging every short block of a page close to one scan of its text ({@link PhraseTable}).
     */
    private record Phrase(String trigger, Pattern pattern) {
        static Phrase of(String trigger, String regex) {
            // Text is lower-cased before matching, so no (slow) case-insensitive matching is needed.
            return new Phrase(trigger, Pattern.compile(regex));
        }
    }

    /**
     * Phrases judged together. One pass of a {@link LiteralScanner} over a block ({@link #TRIGGERS}, every
     * table's triggers) finds which triggers it holds, and only their regexes run (instead of one
     * {@code contains} per phrase and table).
     */
    private record PhraseTable(List<Phrase> phrases) {
        static PhraseTable of(Phrase... phrases) {
            return new PhraseTable(List.of(phrases));
        }

        List<String> triggers() {
            return phrases.stream().map(Phrase::trigger).toList();
        }

        /**
         * Whether any phrase's regex is found in the lower-cased text, given the triggers found in it: this
         * table's are bits {@code from} to {@code from + phrases.size()} of {@code found}.
         */
        boolean anyIn(String lowerText, BitSet found, int from) {
            int end = from + phrases.size();
            for (int i = found.nextSetBit(from); i >= 0 && i < end; i = found.nextSetBit(i + 1)) {
                if (phrases.get(i - from).pattern().matcher(lowerText).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A server's error output printed into the page: 'Warning: ... in /var/www/x.php on line 32'. */
    private static final Pattern SERVER_ERROR = Pattern.compile("^(?:php )?(?:warning|notice|deprecated|fatal error"
            + "|parse error|strict standards): .* on line \\d+");

    /**
     * A line of a server's error output, also where the page prints it as loose text between {@code <br>}s in a
     * block of real content, which the block-level phrases never see on its own.
     */
    static boolean isServerError(String line) {
        return line.indexOf(" on line ") > 0 && SERVER_ERROR.matcher(line.toLowerCase(Locale.ROOT)).lookingAt();
    }

    /** What a German page's action buttons act on: 'Artikel teilen', 'Rezept drucken', 'Kommentar melden'. */
    private static final String ACTION_OBJECTS = "(?:artikel|beitrag|seite|rezept|tipp|kommentar|inhalt|fehler|link"
            + "|bild|foto|video|text)";

    /** Labels of a post's metadata: a short line with two of them is that metadata, not the article. */
    private static final String META_LABELS = "(?:date|datum|category|categories|kategorien?|tags|author|autor"
            + "|posted|published|updated|veröffentlicht|aktualisiert|fecha|categoría|catégorie)";

    /**
     * Phrases that mark a short block as furniture. Most are anchored at the start of the block, where
     * furniture puts them; anywhere else they are too likely to be part of a real sentence.
     */
    private static final PhraseTable SHORT_PHRASES = PhraseTable.of(
            Phrase.of("helpful", "\\b(?:is|was) this (?:\\w+ )?(?:page|article|information|content|answer|topic)"
                    + "(?: \\w+)? helpful|^helpful\\?|\\bhow helpful (?:is|was) this\\b"),
            Phrase.of("useful", "\\b(?:is|was) this (?:\\w+ )?(?:page|article|information|content|answer|topic)"
                    + "(?: \\w+)? useful|\\bhow useful (?:is|was) this\\b"),
            Phrase.of("did ", "\\bdid you find (?:this|what you)|\\bdid this (?:page|article|information) help\\b"),
            Phrase.of("rate ", "^rate this (?:page|article|information|content)\\b"),
            Phrase.of("feedback", "^(?:give|send|leave|share) (?:us )?(?:your )?feedback\\b|^feedback$"),
            Phrase.of("top", "\\b(?:back|return|go|scroll) to (?:the )?top\\b|^top of (?:the )?page$"),
            Phrase.of("skip", "\\bskip to (?:the )?(?:main )?(?:content|navigation|main|search)\\b|\\bskip navigation\\b"),
            Phrase.of("jump to", "^jump to (?:the )?(?:main )?(?:content|navigation|search)\\b"),
            Phrase.of(" this ", "\\b(?:print|e-?mail) this (?:page|article)\\b"),
            Phrase.of("print", "^printer[- ]friendly\\b|^print (?:page|article|version)$"),
            Phrase.of("share", "^share\\b(?: this(?: page| article| story| post)?)?(?:\\s*[:|]| on\\b|$)"
                    + "|\\bshare on (?:facebook|twitter|linkedin|pinterest|whatsapp|x)\\b"),
            Phrase.of("follow us", "^follow us\\b"),
            Phrase.of("cookie", "\\b(?:this|our) (?:site|website) uses cookies\\b|\\bwe use cookies\\b"
                    + "|\\b(?:accept|allow|use of) (?:all )?cookies\\b"
                    + "|\\bcookie (?:policy|settings|preferences|consent)\\b"),
            Phrase.of("sign up", "^sign up\\b"),
            Phrase.of("subscribe", "^subscribe\\b|\\bsubscribe to (?:our|the) (?:newsletter|mailing)"),
            Phrase.of("newsletter", "^newsletters?$|\\bour (?:\\w+ )?newsletter\\b|^get (?:our|the) newsletter\\b"
                    + "|^(?:newsletter abonnieren|abonnier(?:e|en sie) (?:jetzt )?(?:unseren|unser|den)"
                    + " \\S*newsletter)\\b"),
            // 'Get the latest news straight to your inbox', '... delivered to your inbox', '... with our app'.
            Phrase.of("to your ", "\\b(?:straight|directly|right|delivered) to your (?:inbox|phone|mobile)\\b"),
            Phrase.of("mailing list", "^join our mailing list\\b"),
            Phrase.of("mitglied", "^werden sie (?:jetzt )?mitglied\\b"),
            Phrase.of("member", "^become a member\\b"),
            // The rules printed under a comment form.
            Phrase.of("netiquette", "\\bnetiquette\\b"),
            Phrase.of("last ", "^(?:page |content |article |this page was )?last (?:updated|reviewed|modified)\\b"
                    + "|\\bpage last (?:updated|reviewed|modified)\\b"),
            Phrase.of("next review", "^next review\\b"),
            // A contact box: two or more contact labels ('Tel.: ... Fax: ...', 'E-Mail: ... Telefon: ...').
            Phrase.of(":", "\\b(?:tel|telefon|phone|fax|e-?mail|mobil|mobile)\\.?\\s*:.*"
                    + "\\b(?:tel|telefon|phone|fax|e-?mail|mobil|mobile)\\.?\\s*:"),
            Phrase.of("letzte ", "^(?:letzte|letzte inhaltliche) (?:änderung|aktualisierung)\\b"),
            Phrase.of("zuletzt ", "^(?:seite |artikel )?zuletzt (?:aktualisiert|geändert|bearbeitet)\\b"),
            Phrase.of(":", "^(?:updated|reviewed|modified|published|author|tags|categories|category|release date"
                    + "|schlagworte|schlagwörter|kategorien?|stichworte)(?: on)?\\s*:"),
            // A post's metadata line: two labels ('News date : 04/21/2022 Category : Press Releases').
            Phrase.of(":", "\\b" + META_LABELS + "\\s*:.*\\b" + META_LABELS + "\\s*:"),
            Phrase.of("this entry was", "^this entry was posted\\b"),
            Phrase.of("review", "^review date\\b|^(?:medically )?reviewed by\\b|\\bmedically reviewed by\\b"),
            Phrase.of(" by", "^(?:written|authored) by\\b"),
            Phrase.of("posted", "^posted (?:in|on|by)\\b"),
            Phrase.of("filed under", "^filed under\\b"),
            Phrase.of("advertisement", "^advertisement:?$"),
            Phrase.of("comment", "^(?:leave a (?:reply|comment)|post a comment|add a comment|\\d+ comments?|comments?)$"),
            Phrase.of("sponsored", "^sponsored(?: content| links?)?$"),
            Phrase.of("provided as a service", "\\bthis (?:content|information) is provided as a service of\\b"),
            Phrase.of("rights reserved", "\\ball rights reserved\\b"),
            Phrase.of("copyright", "^copyright\\b"),
            Phrase.of("\u00a9", "^\u00a9"),
            // A server's error output printed into the page.
            Phrase.of(" on line ", SERVER_ERROR.pattern()),
            // 'Click to enlarge' and the caption it is printed into: the picture's viewer, not the article.
            Phrase.of("enlarge", "\\b(?:click|tap) (?:here |on the (?:image|picture|photo) )?to enlarge\\b"),
            Phrase.of("vergr", "^zum vergrößern\\b|^vergrößern(?! sie\\b)"
                    + "|\\bklicken sie (?:auf das bild )?zum vergrößern\\b"
                    + "|\\bzum vergrößern (?:auf (?:das|die) (?:bild|foto|grafik|karte) )?(?:an)?klicken\\b"),
            Phrase.of("lizen", "\\b(?:veröffentlicht |steht )?unter (?:der|einer) (?:\\S+ )?lizenz\\b"
                    + "|\\blizenziert unter\\b"),
            Phrase.of("licensed", "\\b(?:is |are )?licensed under (?:a |the )?(?:creative commons|cc[ -]by)"),
            Phrase.of("otherwise", "^unless otherwise (?:stated|noted|indicated)\\b"),
            Phrase.of("sofern nicht", "^sofern nicht anders (?:angegeben|ausgewiesen|vermerkt)\\b"),
            Phrase.of("bewerte", "^(?:artikel|beitrag|seite|rezept|tipp) bewerten\\b|^bewerten sie\\b"),
            // German action buttons: a thing and what to do with it ('Artikel teilen', 'Tipp melden').
            Phrase.of("favorisieren", "^(?:\\S+ )?favorisieren$"),
            Phrase.of(" melden", "^" + ACTION_OBJECTS + " melden$"),
            Phrase.of(" teilen", "^" + ACTION_OBJECTS + " teilen$"),
            Phrase.of(" drucken", "^" + ACTION_OBJECTS + " (?:aus)?drucken$"),
            Phrase.of(" merken", "^" + ACTION_OBJECTS + " merken$"),
            Phrase.of("externer inhalt", "^externer inhalt\\b"),
            Phrase.of("warenkorb", "^(?:ihr|dein) warenkorb ist leer\\b"),
            Phrase.of("cart", "^your (?:shopping )?cart is empty\\b"));

    /** Disclaimers about the site's information, judged on blocks up to {@link #DISCLAIMER_BLOCK} characters. */
    private static final PhraseTable DISCLAIMERS = PhraseTable.of(
            Phrase.of("not intended", "\\b(?:information|material|content|site|website)\\b.{0,120}"
                    + "\\bnot intended (?:to|as|for)\\b.{0,80}\\b(?:medical|professional|diagnosis)\\b"),
            Phrase.of("substitute", "\\b(?:information|material|content)\\b.{0,80}"
                    + "\\b(?:should not be used as|is not) a substitute for\\b"),
            Phrase.of("informational", "\\bfor (?:general )?informational (?:and educational )?(?:purposes|use) only\\b"),
            Phrase.of("medical advice", "\\b(?:this|our) (?:site|website|web site|page|information|content|material)"
                    + " (?:does not|doesn't) (?:provide|constitute|offer) medical advice\\b"),
            Phrase.of("cookies", "\\b(?:this|our) (?:site|website) uses cookies\\b"
                    + "|\\bby continuing to (?:use|browse)\\b.{0,80}\\bcookies\\b"),
            // Affiliate disclosures: 'We may receive compensation if you buy through our links', 'I may receive ...'.
            Phrase.of(" may ", "\\b(?:we|i) may (?:receive|earn|get) (?:a )?(?:small )?(?:commission|compensation)\\b"),
            // Review stamps of health sites: 'Dieser Text ... wurde von Medizinern geprüft.'
            Phrase.of("geprüft", "\\bvon (?:ärzt(?:en|innen)|medizinern|fachärzt(?:en|innen)|experten) (?:geprüft"
                    + "|überprüft)\\b|\\b(?:medizinisch|ärztlich|fachlich) geprüft (?:von|durch)\\b"),
            // Appeals for money: 'We need your help ... Donate', 'Apoya el periodismo ...'.
            Phrase.of("donat", "^we need your help\\b.{0,200}\\bdonate\\b|^(?:please )?donate (?:now|today)\\b"),
            Phrase.of("periodismo", "^apoya (?:el|nuestro) periodismo\\b"),
            Phrase.of("unterstützen sie", "^unterstützen sie (?:uns|unsere arbeit|unseren journalismus)\\b"),
            // A blog theme's line under the post: 'This entry was posted on ... and is filed under ... Both
            // comments and pings are currently closed.', 'Erstellt am ... und abgelegt unter ...'.
            Phrase.of("pings", "\\b(?:both )?comments and pings are (?:currently )?closed\\b"
                    + "|\\bkommentare und pings sind (?:derzeit )?(?:nicht erlaubt|geschlossen)\\b"),
            Phrase.of("filed under", "^this entry was posted\\b.{0,200}\\bfiled under\\b"),
            Phrase.of("abgelegt unter", "^erstellt am\\b.{0,80}\\babgelegt unter\\b"));

    /** The triggers of {@link #DISCLAIMERS} then of {@link #SHORT_PHRASES}: one scan of a block serves both. */
    private static final LiteralScanner TRIGGERS = new LiteralScanner(
            Stream.concat(DISCLAIMERS.triggers().stream(), SHORT_PHRASES.triggers().stream()).toList());

    /** Widget bars are short; longer blocks are not checked against the widget vocabulary. */
    private static final int WIDGET_BLOCK = 100;

    /** Whole-block vocabulary of share/print/feedback widgets; a block made only of these is furniture. */
    private static final Pattern WIDGET_WORDS = Pattern.compile(
            "\\b(?:print(?: this (?:page|article))?|e-?mail(?: this (?:page|article)| a friend)?"
                    + "|share(?: this(?: page| article)?)?(?: on)?|facebook|twitter|linkedin|pinterest|whatsapp"
                    + "|reddit|tweet(?: this)?|pin it|bookmark|save|back to top|top|yes|no|a\\+|a-"
                    + "|high contrast|text size|font size|rss|feedback)(?=$|[^\\p{L}\\p{N}])");
    /** The words a widget bar can start with; anything else is not a widget, without running the regex. */
    private static final Set<String> WIDGET_FIRST_WORDS = Set.of("print", "e", "email", "share", "facebook",
            "twitter", "linkedin", "pinterest", "whatsapp", "reddit", "tweet", "pin", "bookmark", "save", "back",
            "top", "yes", "no", "a", "high", "text", "font", "rss", "feedback");

    private static final Pattern BREADCRUMB_SEPARATOR = Pattern.compile(" (?:\u00bb|\u203a|>|/|\\||\u2192) ");

    private static final Pattern TOC_HEADING = Pattern.compile(
            "^(?:table of )?contents$|^on this page$|^in this (?:article|page|section)$|^jump to(?: section)?$"
                    + "|^page contents$|^quick links$|^sections?$", F);

    /**
     * Headings that caption what is not the article: other articles ('Related articles', 'Mehr zum Thema',
     * 'À lire aussi') and the readers' comments ('3 Comments', 'Leave a reply', 'Kommentare'). Sites in every
     * language use the same few stock captions, so these are a short multilingual list of phrases, matched
     * against the whole heading only.
     */
    private static final String CAPTIONS = "(?:"
            + "related(?: articles?| posts?| stories| content| coverage| reading| topics| news)?"
            + "|(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: these)?"
            // Not 'See also' or 'More on:': an article's own pointers to further reading are part of it.
            + "|read (?:more|also|next)|more (?:from|stories|articles|news|to read|like this)\\b.*"
            + "|explore further|recommended(?: for you| articles| stories| reading)?|most (?:read|popular|viewed)"
            + "|popular(?: articles| posts| stories| now)?|trending(?: now)?|top stories|further reading|keep reading"
            + "|(?:pour )?aller plus loin"
            + "|mehr (?:zum thema|zu(?:m|r)? \\S+(?: \\S+)?|aus (?:dem|der) \\S+|themen|artikel|beiträge|news)"
            + "|lesen sie (?:auch|mehr|weiter)|weitere (?:artikel|beiträge|themen|news|nachrichten|meldungen|informationen)"
            + "(?: zum thema| aus (?:dem|der|unserem|unserer) .{1,40})?"
            + "|(?:vorschau auf (?:den|die) )?nächsten? (?:artikel|beitrag)|nächster (?:artikel|beitrag)"
            + "|up next|next (?:article|post|story)"
            + "|ähnliche (?:beiträge|artikel|themen)|verwandte (?:themen(?:bereiche)?|artikel|beiträge)"
            + "|(?:das thema |dieses thema |das )?(?:könnte|dürfte) (?:dich|sie) (?:auch )?interessieren"
            + "|auch interessant|beiträge zum thema|mehr themen|kommentare insgesamt"
            + "|artikel zum thema|zum weiterlesen|empfohlene (?:artikel|beiträge)|meistgelesen"
            + "|à lire (?:aussi|également)|vous aimerez (?:aussi|également)|sur le même sujet|lire aussi"
            + "|lo (?:último|más (?:leído|visto))|te puede interesar|también te puede interesar|contenido relacionado"
            + "|noticias relacionadas|(?:mira|lee)(?: también| además)?|leia (?:também|mais)|veja também"
            + "|potrebbe interessarti|leggi anche|czytaj (?:też|także)"
            + "|\\d+ (?:comment|response|reply|kommentar|commentaire|comentario)(?:s|e|es)?"
            + "|(?:reader )?(?:comments|responses|replies|kommentare|commentaires|comentarios|reacties)(?: \\(\\d+\\))?"
            + "|(?:leave|post|add|write) (?:a|your) (?:reply|comment|response)s?|join the discussion"
            + "|(?:schreibe|schreiben sie) einen kommentar|kommentar (?:schreiben|hinzufügen|verfassen)"
            + "|kommentare (?:schreiben|lesen)|keine kommentare|join the conversation"
            + "|(?:so )?(?:können sie|kannst du) (?:hier )?(?:kommentieren|mitdiskutieren)|how to comment"
            + "|comment on this (?:article|story|post)"
            + "|laisser un commentaire|deja un comentario|what do you think)";
    private static final Pattern FURNITURE_CAPTION = Pattern.compile("^" + CAPTIONS + "$", F);

    /** A block that is only a date, a time or a reading time: '23.10.2018', '05:28 Uhr', '4 min read'. */
    private static final Pattern DATE_ONLY = Pattern.compile("^(?:(?:erstellt|veröffentlicht|aktualisiert|published"
            + "|updated|posted|stand|publié|publicado)(?: am| on| le| el)?:? )?(?:"
            + "(?:\\w+,? )?\\d{1,2}[./-] ?\\d{1,2}[./-] ?\\d{2,4}(?:,? \\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?)?"
            + "|\\d{4}-\\d{2}-\\d{2}(?:[ t]\\d{2}:\\d{2}(?::\\d{2})?)?"
            + "|(?:\\w+,? )?\\d{1,2}\\.? \\p{L}{3,10}\\.? \\d{4}(?:,? \\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?)?"
            + "|(?:\\w+,? )?\\p{L}{3,10}\\.? \\d{1,2},? \\d{4}(?:,? \\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?)?"
            + "|\\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?"
            + "|\\d+ ?(?:min(?:ute)?s?|minuten)\\.? (?:read|lesezeit|lesen|de lecture|de lectura)"
            + "|(?:lesezeit|reading time):? ?\\d+ ?min(?:uten|utes)?\\.?)$", F);
    private static final int DATE_BLOCK = 40;

    /**
     * Photo credits and sources: 'Foto: dpa', 'Credit: Getty Images', 'Quelle: Fotolia.com', '(REUTERS/X)', and
     * in brackets: '(Credit: A. Person / Agency)'.
     */
    private static final Pattern CREDIT = Pattern.compile("^(?:\\(?(?:photo|foto|bild|image|picture|credit|quelle|"
            + "titelbild|crédito|crédit|copyright|fotos|photos|bildquelle|grafik|illustration)s?"
            + "(?: ?(?:credit|by|von|de))?\\s*[:©]|\\(?(?:foto|photo|bild)?:? ?©)"
            , F);
    /** A credit line ends with a picture agency's name: 'Augusta National/Getty Images', '(REUTERS/X)'. */
    private static final Pattern AGENCY_END = Pattern.compile("(?:\\b(?:getty images|shutterstock|istock(?:photo)?"
            + "|fotolia(?:\\.com)?|adobe stock|reuters(?:/[^)]*)?|imago(?: images)?)"
            // Short agency names only in a credit's form ('Foto: dpa', 'X/AFP'): 'AFP' is also a blood test.
            + "|(?:/|\\bfoto:? |\\bphoto:? |\\u00a9 ?)(?:dpa|afp|ap|epa)(?:/[^)]*)?)\\)?\\.?$", F);
    private static final int CREDIT_BLOCK = 100;

    /** The labels of an 'Also called' line; a space in them stands for any whitespace between words. */
    private static final String ALIAS_LABELS = "also called|also known as|other names?|synonyms?";
    private static final Pattern ALIAS_LABEL = Pattern.compile(
            "^(?:" + ALIAS_LABELS + ")(?: for [^:]{1,100})?\\s*:\\s*(.+)$", F);
    /**
     * The same labels with their spaces taken out, matched against a text's first visible characters: a text
     * that fails this cannot be an 'Also called' line, so the regex (and for long blocks the re-read of the
     * element's text) is skipped.
     */
    private static final Pattern ALIAS_LABEL_SQUEEZED = Pattern.compile(
            "(?:" + ALIAS_LABELS.replace(" ", "") + ")", F);
    /** Longest squeezed label checked: 'alsoknownas'. */
    private static final int ALIAS_PREFIX = 16;

    private Boilerplate() {
    }

    /**
     * Whether a block of page text is furniture.
     *
     * @param text      the block's text, whitespace-normalised (may be cut off for long blocks)
     * @param visible   the number of visible characters of the whole block
     * @param linkChars how many of those are inside links
     * @param links     the number of links in the block
     */
    static boolean isFurniture(String text, int visible, int linkChars, int links) {
        if (!mayBeFurniture(visible)) {
            return false;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        BitSet found = TRIGGERS.in(t);
        if (DISCLAIMERS.anyIn(t, found, 0)) {
            return true;
        }
        if (visible > SHORT_BLOCK) {
            return false;
        }
        if (SHORT_PHRASES.anyIn(t, found, DISCLAIMERS.phrases().size())) {
            return true;
        }
        boolean allLinks = links > 0 && linkChars * 10 >= visible * 9;
        return (visible <= WIDGET_BLOCK && isWidget(t, allLinks)) || isBreadcrumb(t, links, linkChars, visible);
    }

    /** Whether a block of this many visible characters is judged by its words at all ({@link #isFurniture}). */
    static boolean mayBeFurniture(int visible) {
        return visible > 0 && visible <= DISCLAIMER_BLOCK;
    }

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text has any letter or digit (a block of only '|' or '·' has none). */
    static boolean hasWords(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A heading that captions related articles or comments: what follows it is not the article. */
    static boolean isFurnitureCaption(String heading) {
        if (!startsLikeCaption(heading)) {
            return false;
        }
        String k = Texts.key(heading);
        return k.length() <= 60 && FURNITURE_CAPTION.matcher(k).matches();
    }

    /**
     * A short line that is a related-articles caption and the link it introduces: 'À lire aussi » headline',
     * 'Read more: headline', 'Lesen Sie auch: headline'. {@code leading} is the line's text before its first
     * link; separators after the caption (':', '»', '|', dashes) are ignored.
     */
    static boolean isCaptionedLink(String leading) {
        String t = leading.strip();
        int end = t.length();
        while (end > 0 && (":»>|-\u2013\u2014\u203a".indexOf(t.charAt(end - 1)) >= 0
                || Character.isWhitespace(t.charAt(end - 1)))) {
            end--;
        }
        String caption = t.substring(0, end);
        return !caption.isEmpty() && isFurnitureCaption(caption) && !isCommentsCaption(caption);
    }

    /** The first words of {@link #FURNITURE_CAPTION}'s phrases: most short lines fail here, before any regex. */
    private static final Set<String> CAPTION_FIRST_WORDS = Set.of("related", "you", "we", "read", "more", "explore",
            "recommended", "most", "popular", "trending", "top", "further", "other", "latest", "mehr", "lesen",
            "weitere", "keep", "pour", "aller", "vorschau", "nächster", "nächsten", "up", "next", "ähnliche",
            "verwandte", "das", "dieses", "könnte", "dürfte", "auch", "beiträge", "artikel", "zum", "empfohlene",
            "meistgelesen", "à", "vous", "sur", "lire", "lo", "te", "también", "contenido", "noticias", "mira",
            "lee", "leia", "veja", "potrebbe", "leggi", "czytaj", "reader", "comments", "responses", "replies",
            "kommentare", "commentaires", "comentarios", "reacties", "leave", "post", "add", "write", "join",
            "schreibe", "schreiben", "kommentar", "keine", "so", "können", "kannst", "how", "comment", "laisser",
            "deja", "what");

    private static boolean startsLikeCaption(String text) {
        int start = 0;
        while (start < text.length() && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        if (start == text.length()) {
            return false;
        }
        if (Character.isDigit(text.charAt(start))) {
            return true;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return CAPTION_FIRST_WORDS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** A furniture caption over the readers' comments rather than related articles. */
    static boolean isCommentsCaption(String heading) {
        return COMMENTS_WORD.matcher(Texts.key(heading)).find();
    }

    private static final Pattern COMMENTS_WORD = Pattern.compile(
            "comment|kommentar|kommentier|mitdiskut|repl(?:y|ies)|respons|reacties|comentario|discussion|conversation"
            + "|what do you think", F);

    /** A block that is only a date, a time or a reading time, or a photo credit. */
    static boolean isDateOrCredit(String text, int visible) {
        if (visible > CREDIT_BLOCK) {
            return false;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return false;
        }
        if (visible <= DATE_BLOCK && Character.isLetterOrDigit(t.charAt(0)) && hasDigit(t)
                && DATE_ONLY.matcher(t).matches()) {
            return true;
        }
        // Cheap gates first: a credit has a ':' or '©' near its start, or names an agency after a '/' or a word
        // the regexes look for; most short blocks have neither and never reach a matcher.
        int colon = indexOfAny(t, ':', '\u00a9');
        if (colon >= 0 && colon <= CREDIT_LABEL && CREDIT.matcher(t).lookingAt()) {
            return true;
        }
        return mayNameAgency(t) && AGENCY_END.matcher(t).find();
    }

    /** How far into a block a credit's label ('Foto:', 'Bildquelle:') can end. */
    private static final int CREDIT_LABEL = 25;
    private static final String[] AGENCY_MARKS = {"/", "etty", "tock", "otolia", "euters", "mago", "oto", "hoto",
        "\u00a9"};

    private static boolean mayNameAgency(String t) {
        for (String mark : AGENCY_MARKS) {
            if (t.contains(mark)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String t, char a, char b) {
        int end = Math.min(t.length(), CREDIT_LABEL + 1);
        for (int i = 0; i < end; i++) {
            char c = t.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    /** A heading that introduces a table of contents rather than content. */
    static boolean isTocHeading(String heading) {
        return TOC_HEADING.matcher(Texts.key(heading)).find();
    }

    /**
     * Whether {@code text} may open an 'Also called' line: its first characters, leaving out whitespace, control
     * characters and the invisible ones Jsoup's {@code text()} drops (soft hyphen, zero-width space), spell a
     * label. The text may be a block's first characters only ({@code cutOff}), or differ from the element's {@code text()} in
     * its spaces: the check holds for both, so when it fails {@link #aliases} would find nothing either.
     */
    static boolean mayListAliases(CharSequence text, boolean cutOff) {
        StringBuilder squeezed = new StringBuilder(ALIAS_PREFIX);
        for (int i = 0; i < text.length() && squeezed.length() < ALIAS_PREFIX; i++) {
            char c = text.charAt(i);
            if (c > ' ' && !Texts.isSpace(c) && c != '\u00AD') {
                squeezed.append(c);
            }
        }
        // A cut-off text with too few characters to tell (mostly control characters): the full check decides.
        return (cutOff && squeezed.length() < ALIAS_PREFIX) || ALIAS_LABEL_SQUEEZED.matcher(squeezed).lookingAt();
    }

    /** The names listed by an 'Also called: A; B' line, or null when the text is not such a line. */
    static List<String> aliases(String text) {
        Matcher m = ALIAS_LABEL.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : m.group(1).split(";")) {
            String name = Texts.normalize(part);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1).trim();
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : names;
    }

    /** Only widget words and separators ('Print this page | E-mail this page', 'Share on Facebook Tweet'). */
    private static boolean isWidget(String t, boolean allLinks) {
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        if (!WIDGET_FIRST_WORDS.contains(t.substring(0, end))) {
            return false;
        }
        Matcher m = WIDGET_WORDS.matcher(t);
        int words = 0;
        int last = 0;
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            rest.append(t, last, m.start());
            last = m.end();
            words++;
        }
        rest.append(t.substring(last));
        if (words == 0) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetterOrDigit(rest.charAt(i))) {
                return false;
            }
        }
        // One word alone ('Yes', 'Print') is furniture only as a link or button, not as a table cell.
        return words >= 2 || allLinks;
    }

    /** 'Home » Diseases » Pediatrics': several links joined by path separators. */
    private static boolean isBreadcrumb(String t, int links, int linkChars, int visible) {
        if (links < 2 || linkChars * 10 < visible * 3) {
            return false;
        }
        Matcher m = BREADCRUMB_SEPARATOR.matcher(t);
        int separators = 0;
        while (m.find()) {
            separators++;
        }
        return separators >= 2;
    }
}
