package org.medsearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and cleans one corpus file (HTML .html/.htm/.xhtml or plain text .txt) into an {@link Article}.
 *
 * <p>Thread-safe and reusable: it holds no per-page state. Every problem with a single file is reported as a
 * {@link SkippedFileException} with a one-line reason, so one bad file never aborts a run.
 */
public final class ArticleExtractor {
    /** Pages above this size are skipped unread: no real article is that large, and memory is shared. */
    public static final long DEFAULT_MAX_BYTES = 20_000_000L;

    static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    static final Set<String> TEXT_EXTENSIONS = Set.of("txt");

    private final long maxBytes;
    private final PageDecoder decoder = new PageDecoder();
    private final HtmlArticleParser html = new HtmlArticleParser();
    private final TextArticleParser text = new TextArticleParser();

    /** An extractor with the default size limit of 20 MB. */
    public ArticleExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    /** An extractor with another size limit (tests use a small one). */
    ArticleExtractor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Extracts the article in {@code file}.
     *
     * @param root the corpus root; the id is the path under it without extension, '/'-separated
     * @throws SkippedFileException with a one-line reason when the file is not an indexable article
     */
    public Article extract(Path root, Path file) throws SkippedFileException {
        return extract(root, file, null);
    }

    /**
     * The same, recording in {@code explainer} what the cleaner kept and dropped and why ({@code clean
     * --explain}); null records nothing.
     */
    public Article extract(Path root, Path file, Explainer explainer) throws SkippedFileException {
        String ext = extension(file);
        boolean isHtml = HTML_EXTENSIONS.contains(ext);
        if (!isHtml && !TEXT_EXTENSIONS.contains(ext)) {
            throw new SkippedFileException(unsupported(ext));
        }
        String id = idOf(root, file);
        byte[] bytes = read(file);
        String fallbackSource = folderOf(id, root);
        if (isHtml) {
            return html.parse(id, decoder.decode(bytes, null), "", file.toString(), fallbackSource, explainer);
        }
        return text.parse(id, decoder.decode(bytes, null), file.toString(), fallbackSource);
    }

    /**
     * Extracts an article from page content not read from a file (the crawler's pages).
     *
     * @param charsetHintOrNull the charset from the HTTP Content-Type header, if any
     * @param pageUrl           the page's URL: resolves relative links, and is the url/source fallback
     */
    public Article extractHtml(String id, byte[] content, String charsetHintOrNull, String pageUrl)
            throws SkippedFileException {
        if (content.length > maxBytes) {
            throw new SkippedFileException(tooLarge(content.length));
        }
        String host = PageMetadata.host(pageUrl);
        return html.parse(id, decoder.decode(content, charsetHintOrNull), pageUrl == null ? "" : pageUrl,
                pageUrl, host);
    }

    /** Reads the whole file, refusing (without reading) files over the size limit. */
    private byte[] read(Path file) throws SkippedFileException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                throw new SkippedFileException("is a directory");
            }
            if (attrs.size() > maxBytes) {
                throw new SkippedFileException(tooLarge(attrs.size()));
            }
            try (InputStream in = Files.newInputStream(file)) {
                // The file may have grown since we looked; never read more than the limit allows.
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new SkippedFileException(tooLarge(bytes.length) + " and growing");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new SkippedFileException("file not found (removed during the run?)");
        } catch (AccessDeniedException e) {
            throw new SkippedFileException("permission denied");
        } catch (IOException e) {
            throw new SkippedFileException("cannot read: " + oneLine(e));
        }
    }

    private String tooLarge(long size) {
        return "too large (" + Texts.humanSize(size) + " > " + Texts.humanSize(maxBytes) + " limit)";
    }

    static String unsupported(String ext) {
        return ext.isEmpty() ? "unsupported file type (no extension)" : "unsupported file type ." + ext;
    }

    /** Lower-case extension without the dot, or "" when there is none. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Path under {@code root} without extension, '/'-separated; the bare name when outside the root. */
    static String idOf(Path root, Path file) {
        Path rel = file;
        if (root != null) {
            Path r = root.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            rel = f.startsWith(r) && !f.equals(r) ? r.relativize(f) : f.getFileName();
        }
        StringBuilder id = new StringBuilder();
        for (Path part : rel) {
            if (id.length() > 0) {
                id.append('/');
            }
            id.append(part);
        }
        String s = id.toString();
        int slash = s.lastIndexOf('/');
        int dot = s.lastIndexOf('.');
        return dot > slash + 1 ? s.substring(0, dot) : s;
    }

    static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** The corpus sub-folder ('GHR' for 'GHR/GHR_0000804'), else the root folder's name. */
    private static String folderOf(String id, Path root) {
        int slash = id.indexOf('/');
        if (slash > 0) {
            return id.substring(0, slash);
        }
        Path name = root == null ? null : root.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
