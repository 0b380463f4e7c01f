package org.wirecopy.match;

import java.nio.charset.StandardCharsets;

/**
 * The source index file format, version 1 (all numbers big-endian):
 *
 * <pre>
 * header, {@value #HEADER_BYTES} bytes:
 *   0   8 bytes  magic "WCSRCIDX"
 *   8   int      format version (1)
 *   12  int      shingle size, bands, rows, minimum words (4 ints)
 *   28  long     MinHash seed
 *   36  int      stories, paragraphs, indexed paragraphs (3 ints)
 *   48  long     LSH entries
 *   56  5 x (long offset, long length, int CRC-32) for the sections META, STORIES, PARAGRAPHS, STRINGS, ENTRIES
 *   ... zero padding
 *   252 int      CRC-32 of bytes 0..251
 * META       UTF-8 JSON: format name and version, wirecopy version, corpus name and SHA-256, configuration
 * STORIES    per story: long offset of its strings in STRINGS, int first paragraph, int paragraphs, int words
 * PARAGRAPHS per paragraph: long offset of its text in STRINGS, int story, int words
 * STRINGS    length-prefixed UTF-8 strings (int length, -1 for none, then the bytes): a story's id, source, date and
 *            title; a paragraph's normalised text
 * ENTRIES    LSH entries sorted ascending as signed longs: (band key &lt;&lt; 32) | paragraph
 * </pre>
 *
 * <p>Constants only; package-private.
 */
final class IndexLayout {

    static final byte[] MAGIC = "WCSRCIDX".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 256;
    static final int SECTIONS = 5;
    static final String[] SECTION_NAMES = {"META", "STORIES", "PARAGRAPHS", "STRINGS", "ENTRIES"};
    static final int META = 0, STORIES = 1, PARAGRAPHS = 2, STRINGS = 3, ENTRIES = 4;
    static final int SECTION_TABLE = 56;
    static final int STORY_BYTES = 20;
    static final int PARAGRAPH_BYTES = 16;
    static final String FORMAT_NAME = "wirecopy-source-index";

    private IndexLayout() {
    }
}
