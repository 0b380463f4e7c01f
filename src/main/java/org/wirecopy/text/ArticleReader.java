package org.wirecopy.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns raw input (bytes or a string) into an {@link Article}: decodes strict UTF-8, rejects binary data, detects
 * HTML versus plain text and the plain-text layout, and splits into paragraphs.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleReader {

    /** Inputs above this many bytes are refused; classify larger collections as JSONL, one article per line. */
    public static final long MAX_INPUT_BYTES = 256L * 1024 * 1024;

    /**
     * HTML pages with more start tags than this are refused before they are parsed (see {@link #maxHtmlTags()}):
     * the parsed tree takes about 1.3 KB of heap per element (a 10 MB page of 100,000 paragraphs peaks at about
     * 400 MB while it is read), so the number of tags, not the page's size, bounds the memory.
     */
    public static final int MAX_HTML_TAGS = 100_000;
    /** The system property that raises (or lowers) {@link #MAX_HTML_TAGS}. */
    public static final String MAX_HTML_TAGS_PROPERTY = "wirecopy.maxHtmlTags";

    /**
     * Plain-text articles with more paragraphs than this are refused before they are split (see
     * {@link #maxParagraphs()}): one article is classified whole, at about 2-3 KB of heap per paragraph, so a file of a
     * million one-line paragraphs would take gigabytes. A collection of articles belongs in a JSONL corpus, one
     * article per line, which is streamed.
     */
    public static final int MAX_PARAGRAPHS = 200_000;
    /** The system property that raises (or lowers) {@link #MAX_PARAGRAPHS}. */
    public static final String MAX_PARAGRAPHS_PROPERTY = "wirecopy.maxParagraphs";

    /** A document-level tag: the input is an HTML page. */
    private static final Pattern HTML_DOCUMENT = Pattern.compile("<(?:!doctype\\s+html|html|head|body)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A block element closed: real HTML structure, not a tag mentioned in text. */
    private static final Pattern BLOCK_CLOSE = Pattern.compile(
            "</(?:p|div|blockquote|h[1-6]|li|ul|ol|table|tr|td|article|section|main|header|footer)\\s*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_OPEN = Pattern.compile(
            "<(?:p|div|blockquote|h[1-6]|li|ul|ol|table|article|section)(?:\\s[^<>]*)?>", Pattern.CASE_INSENSITIVE);

    private ArticleReader() {
    }

    /**
     * Reads an article from {@code text} in the given format ({@link InputFormat#AUTO} detects it); an HTML page has
     * its main content found and no URL.
     *
     * @param text   the article; not null
     * @param format how to read it; not null
     * @return the article's paragraphs in reading order
     * @throws ArticleInputException when an HTML page has more than {@link #maxHtmlTags()} tags or a plain-text
     *                               article more than {@link #maxParagraphs()} paragraphs
     */
    public static Article read(String text, InputFormat format) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        return read(text, format, "", true);
    }

    /**
     * Reads an article from {@code text} in the given format. HTML is read as a whole page (see
     * {@link #readPage(String, String, boolean)}).
     *
     * @param text        the article; not null
     * @param format      how to read it; not null
     * @param url         the URL the page was saved from, or empty
     * @param mainContent whether to find the main content of an HTML page (paragraphs outside it are furniture)
     * @return the article's paragraphs in reading order
     * @throws ArticleInputException when an HTML page has more than {@link #maxHtmlTags()} tags or a plain-text
     *                               article more than {@link #maxParagraphs()} paragraphs
     */
    public static Article read(String text, InputFormat format, String url, boolean mainContent) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        InputFormat f = resolve(text, format);
        if (f == InputFormat.HTML) return readPage(text, url, mainContent);
        checkParagraphs(text, f);
        return new Article(PlainTextSegmenter.split(text, f), f);
    }

    /**
     * Reads a whole web page: its paragraphs (see {@link HtmlSegmenter}), each marked inside or outside the page's
     * main content when that can be told (see {@link MainContent}), and what the page says of its kind (see
     * {@link PageSignals}).
     *
     * @param html the page
     * @param url  the URL it was saved from, or empty
     * @return the page's paragraphs in reading order, with the page's signals
     * @throws ArticleInputException when the page has more than {@link #maxHtmlTags()} tags
     */
    public static Article readPage(String html, String url) {
        return readPage(html, url, true);
    }

    /**
     * {@link #readPage(String, String)}, with main-content detection on or off.
     *
     * @param html        the page; not null
     * @param url         the URL it was saved from, or empty or null when unknown
     * @param mainContent whether to mark each paragraph inside or outside the main content (off: all UNKNOWN), and,
     *                    on a page where no article is found but several posts are ({@link PostLayout}), the post
     *                    of each paragraph ({@link Paragraph#post()})
     * @return the page's paragraphs in reading order, with the page's signals
     * @throws ArticleInputException when the page has more than {@link #maxHtmlTags()} tags
     */
    public static Article readPage(String html, String url, boolean mainContent) {
        Objects.requireNonNull(html, "html");
        String u = url == null ? "" : url;
        checkTags(html);
        org.jsoup.nodes.Document doc = HtmlSegmenter.parse(html);
        List<Paragraph> paragraphs = HtmlSegmenter.split(doc);
        if (mainContent) {
            paragraphs = MainContent.mark(doc, paragraphs, u);
            // no article found: a page of several posts is read post by post
            if (paragraphs.stream().noneMatch(p -> p.region() == Paragraph.Region.MAIN)) {
                paragraphs = PostLayout.assign(doc, paragraphs);
            }
        }
        return new Article(paragraphs, InputFormat.HTML, PageSignals.of(doc, u));
    }

    /**
     * The limit on start tags of one HTML page: the system property {@value #MAX_HTML_TAGS_PROPERTY} when set (a
     * positive number), else {@link #MAX_HTML_TAGS}.
     *
     * @return the limit, at least 1
     * @throws IllegalArgumentException when the property is set to anything but a positive number
     */
    static int maxHtmlTags() {
        return positiveProperty(MAX_HTML_TAGS_PROPERTY, MAX_HTML_TAGS);
    }

    /**
     * The limit on paragraphs of one plain-text article: the system property {@value #MAX_PARAGRAPHS_PROPERTY} when
     * set (a positive number), else {@link #MAX_PARAGRAPHS}.
     *
     * @return the limit, at least 1
     * @throws IllegalArgumentException when the property is set to anything but a positive number
     */
    static int maxParagraphs() {
        return positiveProperty(MAX_PARAGRAPHS_PROPERTY, MAX_PARAGRAPHS);
    }

    private static int positiveProperty(String name, int fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + " must be a positive number, got '" + v + "'");
    }

    /**
     * Refuses a plain-text article with more paragraphs than {@link #maxParagraphs()}, counted before splitting: every
     * non-blank line when the text has a paragraph per line, every run of non-blank lines when blank lines separate
     * paragraphs.
     */
    private static void checkParagraphs(String text, InputFormat format) {
        int max = maxParagraphs();
        boolean blocks = format == InputFormat.BLOCKS;
        int count = 0;
        boolean inBlock = false;
        int n = text.length();
        for (int start = 0; start <= n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            boolean blank = true;
            for (int i = start; i < end && blank; i++) blank = Character.isWhitespace(text.charAt(i));
            if (!blank && (!blocks || !inBlock) && ++count > max) {
                throw new ArticleInputException("the text has more than " + max + " paragraphs, the limit for one "
                        + "article (one article is classified whole, about 2-3 KB of heap per paragraph); put the "
                        + "articles of a collection in a JSONL corpus, one per line, or raise the limit with java -D"
                        + MAX_PARAGRAPHS_PROPERTY + "=N and give Java more heap (-Xmx)");
            }
            inBlock = !blank;
            start = end + 1;
        }
    }

    private static void checkTags(String html) {
        int max = maxHtmlTags();
        int tags = 0;
        int n = html.length();
        for (int i = html.indexOf('<'); i >= 0 && i < n - 1; i = html.indexOf('<', i + 1)) {
            char c = html.charAt(i + 1);
            if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && ++tags > max) {
                throw new ArticleInputException("the HTML page has more than " + max + " tags, the limit for one "
                        + "page (its parsed tree would take about " + (max / 1000 * 13 / 10) + " MB of heap or more); "
                        + "read it as plain text (--input-format text), split it, or raise the limit with java -D"
                        + MAX_HTML_TAGS_PROPERTY + "=N and give Java more heap (-Xmx)");
            }
        }
    }

    /**
     * The concrete layout {@code format} means for {@code text}: AUTO and TEXT are resolved by looking at the text,
     * LINES, BLOCKS and HTML are kept.
     *
     * @param text   the input
     * @param format the format asked for
     * @return LINES, BLOCKS or HTML
     */
    public static InputFormat resolve(String text, InputFormat format) {
        return switch (format) {
            case AUTO -> looksLikeHtml(text) ? InputFormat.HTML : PlainTextSegmenter.detect(text);
            case TEXT -> PlainTextSegmenter.detect(text);
            default -> format;
        };
    }

    /**
     * True when the start of the text has HTML structure: a document tag ({@code <html>}, {@code <body>}, a doctype),
     * a closed block element ({@code </p>}, {@code </div>}, ...), or two block elements opened. One inline tag
     * ({@code <a href>}, {@code <b>}) or a mention of {@code <br>} in plain text is not HTML.
     *
     * @param text the input; only its first 65,536 chars are looked at
     * @return whether to read it as HTML
     */
    static boolean looksLikeHtml(String text) {
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        if (HTML_DOCUMENT.matcher(head).find() || BLOCK_CLOSE.matcher(head).find()) return true;
        var open = BLOCK_OPEN.matcher(head);
        return open.find() && open.find();
    }

    /**
     * Reads a file as strict UTF-8 (see {@link #decode}), at most {@link #MAX_INPUT_BYTES} bytes counted as they are
     * read (devices and FIFOs report a size of 0).
     *
     * @param file the article file
     * @return its text, a leading BOM dropped
     * @throws IOException when the file is missing, not readable or cannot be read, naming it
     * @throws ArticleInputException when it is over the limit, binary or not valid UTF-8
     */
    public static String readFile(Path file) throws IOException {
        org.wirecopy.io.SafeFiles.requireReadable(file, "article file");
        try (InputStream in = Files.newInputStream(file)) {
            return readStream(in, file.toString());
        } catch (ArticleInputException e) {
            throw e;
        } catch (IOException e) {
            throw org.wirecopy.io.SafeFiles.located(file, "cannot read", e);
        }
    }

    /**
     * Reads a whole stream (e.g. stdin) as strict UTF-8, at most {@link #MAX_INPUT_BYTES} bytes; the stream is not
     * closed.
     *
     * @param in   the stream
     * @param name names the input in error messages
     * @return its text, a leading BOM dropped
     * @throws IOException when the stream cannot be read
     * @throws ArticleInputException when it is over the limit, binary or not valid UTF-8
     */
    public static String readStream(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_INPUT_BYTES + 1));
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new ArticleInputException(name + ": input is over the " + MAX_INPUT_BYTES
                    + "-byte limit for one article; split it, or put one article per line in a JSONL file");
        }
        return decode(bytes, name);
    }

    /**
     * Decodes UTF-8 strictly: a NUL byte means binary data and malformed sequences are errors that give the byte
     * offset and line. A leading BOM is dropped.
     *
     * @param bytes the input
     * @param name  names the input in error messages
     * @return the decoded text
     * @throws ArticleInputException for binary input or invalid UTF-8
     */
    public static String decode(byte[] bytes, String name) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ArticleInputException(name + ": looks like a binary file (NUL byte at byte offset " + i
                        + ", line " + lineAt(bytes, i) + "); wirecopy reads UTF-8 text or HTML");
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = dec.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ArticleInputException(name + ": invalid UTF-8 at byte offset " + at + " (line "
                    + lineAt(bytes, at) + "); save the file as UTF-8, e.g. iconv -f windows-1252 -t utf-8");
        }
        try {
            dec.flush(out);
        } catch (RuntimeException e) {
            throw new ArticleInputException(name + ": invalid UTF-8 at the end of the input", e);
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
