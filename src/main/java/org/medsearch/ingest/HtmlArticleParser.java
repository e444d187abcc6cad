package org.medsearch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns one HTML page into an {@link Article}: one Jsoup parse, then metadata, cleaning and splitting. */
final class HtmlArticleParser {
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final SectionSplitter splitter = new SectionSplitter();

    /**
     * @param baseUri        the page's URL for resolving relative links, or "" for files
     * @param fallbackUrl    used as the article URL when the page names none
     * @param fallbackSource used as the source when neither the page nor its URL names a site
     */
    Article parse(String id, String html, String baseUri, String fallbackUrl, String fallbackSource)
            throws SkippedFileException {
        return parse(id, html, baseUri, fallbackUrl, fallbackSource, null);
    }

    /**
     * The same, recording every decision in {@code explainer} (or none when null). A page where nothing is
     * found is read once more keeping its asides and noscripts: some sites put the article in one.
     */
    Article parse(String id, String html, String baseUri, String fallbackUrl, String fallbackSource,
                  Explainer explainer) throws SkippedFileException {
        Article first;
        try {
            first = parseOnce(id, html, baseUri, fallbackUrl, fallbackSource, false, explainer);
        } catch (SkippedFileException nothingFound) {
            if (explainer != null) {
                explainer.stage("retry keeping asides and noscripts");
            }
            return parseOnce(id, html, baseUri, fallbackUrl, fallbackSource, true, explainer);
        }
        if (textLength(first) >= TOO_SMALL || !html.contains("<noscript")) {
            return first;
        }
        // A line or two: the article may be in a noscript (a page that renders it by script), as a fallback.
        if (explainer != null) {
            explainer.stage("retry keeping asides and noscripts: only " + textLength(first) + " characters found");
        }
        try {
            Article second = parseOnce(id, html, baseUri, fallbackUrl, fallbackSource, true, explainer);
            return textLength(second) >= 2 * Math.max(1, textLength(first)) ? second : first;
        } catch (SkippedFileException nothingMore) {
            return first;
        }
    }

    /** An article with less text than this is no article block found: the fallback reads the page again. */
    private static final int TOO_SMALL = 200;

    private static int textLength(Article a) {
        int n = 0;
        for (Section s : a.sections()) {
            n += s.fullText().length();
        }
        return n;
    }

    private Article parseOnce(String id, String html, String baseUri, String fallbackUrl, String fallbackSource,
                              boolean keepAsides, Explainer explainer) throws SkippedFileException {
        Document doc = Jsoup.parse(html, baseUri);
        PageMetadata meta = PageMetadata.read(doc, fallbackUrl, fallbackSource);
        ArticleCleaner.Cleaned cleaned = cleaner.clean(doc, keepAsides, explainer);
        List<SectionSplitter.RawSection> raw = splitter.split(cleaned.content(), meta.titleKeys());
        String title = meta.title().isBlank() ? ArticleExtractor.lastSegment(id) : meta.title();
        return assemble(id, title, meta.url(), meta.source(), cleaned.aliases(), raw);
    }

    /** Gives each section its kind and checks that there is something to index. Shared with plain text. */
    static Article assemble(String id, String title, String url, String source, List<String> aliasList,
                            List<SectionSplitter.RawSection> raw) throws SkippedFileException {
        if (!anyText(raw)) {
            throw new SkippedFileException("no article content found");
        }
        Set<String> aliases = new LinkedHashSet<>(aliasList);
        List<String> subjects = new ArrayList<>();
        subjects.add(title);
        subjects.addAll(aliases);
        return new Article(id, title, url, source, List.copyOf(aliases), sections(raw, subjects, null));
    }

    private static boolean anyText(List<SectionSplitter.RawSection> raw) {
        for (SectionSplitter.RawSection s : raw) {
            if (!s.text().isBlank() || anyText(s.children())) {
                return true;
            }
        }
        return false;
    }

    /** A sub-section whose heading names no kind ('Children', 'In adults') is of its section's kind. */
    private static List<Section> sections(List<SectionSplitter.RawSection> raw, List<String> subjects,
                                          SectionKind parentKind) {
        List<Section> sections = new ArrayList<>(raw.size());
        for (SectionSplitter.RawSection s : raw) {
            SectionKind kind = s.overview() ? SectionKind.OVERVIEW : SectionKinds.fromHeading(s.heading(), subjects);
            if (parentKind != null && kind == SectionKind.OTHER) {
                kind = parentKind;
            }
            sections.add(new Section(s.heading(), s.anchor(), kind, s.text(), sections(s.children(), subjects, kind)));
        }
        return sections;
    }
}
