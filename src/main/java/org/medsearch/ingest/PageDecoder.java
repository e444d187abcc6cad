package org.medsearch.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a saved page into text, guessing the encoding the way a forgiving browser would.
 *
 * <p>Order of evidence: byte-order mark, then valid UTF-8 (pages often declare a charset they do not use),
 * then the declared charset (HTTP hint, then {@code <meta charset>}), then windows-1252, the usual encoding
 * of legacy pages that declare nothing.
 */
final class PageDecoder {
    /** How far to look for binary content and for a {@code <meta charset>} declaration. */
    private static final int SNIFF_BYTES = 8192;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    // Bounded input (the first 8 kB), so this simple pattern cannot run away.
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]{1,40})", Pattern.CASE_INSENSITIVE);

    /**
     * Decodes {@code bytes}.
     *
     * @param charsetHint the charset from an HTTP header, or null
     * @throws SkippedFileException for empty or binary content
     */
    String decode(byte[] bytes, String charsetHint) throws SkippedFileException {
        if (bytes.length == 0) {
            throw new SkippedFileException("empty file");
        }
        String text = decodeBom(bytes);
        if (text == null) {
            if (looksBinary(bytes)) {
                throw new SkippedFileException("binary file");
            }
            text = new String(bytes, chooseCharset(bytes, charsetHint));
        }
        if (isBlank(text)) {
            throw new SkippedFileException("empty file");
        }
        return text;
    }

    private static String decodeBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        return null;
    }

    /** A NUL byte, or many control characters, in the first 8 kB: text files have neither. */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
                control++;
            }
        }
        return control > n / 10;
    }

    private static Charset chooseCharset(byte[] bytes, String hint) {
        Utf8Check utf8 = Utf8Check.of(bytes);
        if (utf8.invalid == 0) {
            return StandardCharsets.UTF_8;
        }
        Charset declared = usable(hint);
        if (declared == null) {
            declared = usable(metaCharset(bytes));
        }
        if (declared != null) {
            return declared;
        }
        // Mostly valid UTF-8 with a few damaged bytes: keep UTF-8 (one replacement char per bad byte)
        // rather than turning every accented letter of the page into mojibake.
        return utf8.multiByte > utf8.invalid ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** A declared charset worth trusting: known to Java, and not UTF-8/16/32 (those were ruled out above). */
    private static Charset usable(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset cs = Charset.forName(name.trim());
            String canonical = cs.name().toUpperCase(Locale.ROOT);
            if (canonical.startsWith("UTF-")) {
                return null;
            }
            // Browsers read pages labelled latin-1 or ASCII as windows-1252 (WHATWG encoding standard).
            if (canonical.equals("ISO-8859-1") || canonical.equals("US-ASCII")) {
                return WINDOWS_1252;
            }
            return cs;
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    private static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Texts.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts valid multi-byte sequences and invalid bytes in one pass. Hand-written because the JDK decoder
     * only says "valid or not", and we want to know how much of the page is damaged.
     */
    private record Utf8Check(int multiByte, int invalid) {
        static Utf8Check of(byte[] b) {
            int multi = 0;
            int bad = 0;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
                if (len == 1) {
                    i++;
                    continue;
                }
                if (len == 0 || !continuationBytes(b, i, len)) {
                    bad++;
                    i++;
                    continue;
                }
                multi++;
                i += len;
            }
            return new Utf8Check(multi, bad);
        }

        private static boolean continuationBytes(byte[] b, int start, int len) {
            if (start + len > b.length) {
                return false;
            }
            int first = b[start] & 0xFF;
            int second = b[start + 1] & 0xFF;
            // Reject overlong forms and surrogates, as a strict decoder does.
            if ((first == 0xE0 && second < 0xA0) || (first == 0xED && second > 0x9F)
                    || (first == 0xF0 && second < 0x90) || (first == 0xF4 && second > 0x8F)) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if ((b[start + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            return true;
        }
    }
}
