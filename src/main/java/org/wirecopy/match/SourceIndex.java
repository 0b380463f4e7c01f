package org.wirecopy.match;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.zip.CRC32;

/**
 * A source index opened from a file written by {@link SourceIndexWriter} (format: see the package documentation).
 * The file is memory-mapped read-only, so that opening a large index costs little heap; every section's CRC-32 is
 * checked when it is opened. Nothing is deserialised: the file is read as numbers and UTF-8 strings.
 *
 * <p>Immutable and thread-safe: after {@link #open} only absolute reads of the read-only mapping are made. The
 * mapping is released when the object is garbage-collected.
 */
public final class SourceIndex {

    private final Path file;
    private final IndexConfig config;
    private final int storyCount;
    private final int paragraphCount;
    private final int indexedCount;
    private final long entryCount;
    private final String meta;
    private final ByteBuffer stories;
    private final ByteBuffer paragraphs;
    private final ByteBuffer strings;
    private final LongBuffer entries;
    /** {@code directory[k]}: the first entry whose band key's top 16 bits (as unsigned) are >= k; 65,537 ints. */
    private final int[] directory;
    private final Hashing hashing;

    private SourceIndex(Path file, IndexConfig config, int storyCount, int paragraphCount, int indexedCount,
                        long entryCount, String meta, ByteBuffer stories, ByteBuffer paragraphs, ByteBuffer strings,
                        LongBuffer entries) {
        this.file = file;
        this.config = config;
        this.storyCount = storyCount;
        this.paragraphCount = paragraphCount;
        this.indexedCount = indexedCount;
        this.entryCount = entryCount;
        this.meta = meta;
        this.stories = stories;
        this.paragraphs = paragraphs;
        this.strings = strings;
        this.entries = entries;
        this.directory = new int[(1 << 16) + 1];
        int at = 0;
        for (int k = 0; k < (1 << 16); k++) {
            while (at < entries.limit() && prefix(entries.get(at)) < k) at++;
            directory[k] = at;
        }
        directory[1 << 16] = entries.limit();
        this.hashing = new Hashing(config.shingleSize(), config.bands(), config.rows(), config.seed());
    }

    /**
     * Opens an index file.
     *
     * @param file an index written by {@link SourceIndexWriter}
     * @return the open index, which maps the file into memory
     * @throws IndexFormatException when the file is not a source index, has a format version this wirecopy cannot
     *                              read, is truncated or corrupt (the message says which and how to fix it)
     * @throws NoSuchFileException  when there is no such file
     */
    public static SourceIndex open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            String rebuild = "; rebuild it with: wirecopy index --data CORPUS.jsonl --out " + file;
            if (size < 12) {
                throw new IndexFormatException(file + ": not a wirecopy source index (" + size
                        + " bytes, too short for a header)" + (size == 0 ? "; the file is empty" : "") + rebuild);
            }
            ByteBuffer h = ByteBuffer.allocate((int) Math.min(size, IndexLayout.HEADER_BYTES));
            while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
                // read the header
            }
            h.flip();
            byte[] magic = new byte[IndexLayout.MAGIC.length];
            h.get(0, magic);
            if (!java.util.Arrays.equals(magic, IndexLayout.MAGIC)) {
                throw new IndexFormatException(file + ": not a wirecopy source index (no WCSRCIDX signature at the "
                        + "start; is it a model file or a corpus?). Give the file written by 'wirecopy index'");
            }
            int version = h.getInt(8);
            if (version != IndexLayout.VERSION) {
                throw new IndexFormatException(file + ": source index format version " + version + " is "
                        + (version > IndexLayout.VERSION ? "newer than" : "not") + " the version this wirecopy "
                        + "reads (" + IndexLayout.VERSION + ")" + (version > IndexLayout.VERSION
                        ? "; upgrade wirecopy, or" : "") + rebuild);
            }
            if (size < IndexLayout.HEADER_BYTES) {
                throw new IndexFormatException(file + ": truncated: " + size + " bytes, shorter than the "
                        + IndexLayout.HEADER_BYTES + "-byte header" + rebuild);
            }
            CRC32 crc = new CRC32();
            crc.update(h.array(), 0, IndexLayout.HEADER_BYTES - 4);
            if ((int) crc.getValue() != h.getInt(IndexLayout.HEADER_BYTES - 4)) {
                throw new IndexFormatException(file + ": the header is corrupt (checksum mismatch)" + rebuild);
            }
            IndexConfig config;
            try {
                config = IndexConfig.builder().shingleSize(h.getInt(12)).bands(h.getInt(16)).rows(h.getInt(20))
                        .minWords(h.getInt(24)).seed(h.getLong(28)).build();
            } catch (IllegalArgumentException e) {
                throw new IndexFormatException(file + ": bad configuration in the header: " + e.getMessage()
                        + rebuild);
            }
            int storyCount = h.getInt(36);
            int paragraphCount = h.getInt(40);
            int indexedCount = h.getInt(44);
            long entryCount = h.getLong(48);
            long[][] table = new long[IndexLayout.SECTIONS][3];
            long needed = IndexLayout.HEADER_BYTES;
            for (int s = 0; s < IndexLayout.SECTIONS; s++) {
                int at = IndexLayout.SECTION_TABLE + 20 * s;
                table[s][0] = h.getLong(at);
                table[s][1] = h.getLong(at + 8);
                table[s][2] = h.getInt(at + 16) & 0xffffffffL;
                if (table[s][0] < IndexLayout.HEADER_BYTES || table[s][1] < 0) {
                    throw new IndexFormatException(file + ": the section table is corrupt" + rebuild);
                }
                needed = Math.max(needed, table[s][0] + table[s][1]);
            }
            if (size < needed) {
                throw new IndexFormatException(file + ": truncated: " + size + " bytes, the header says "
                        + needed + " (an interrupted copy or download?)" + rebuild);
            }
            if (storyCount < 1 || paragraphCount < storyCount
                    || table[IndexLayout.STORIES][1] != (long) storyCount * IndexLayout.STORY_BYTES
                    || table[IndexLayout.PARAGRAPHS][1] != (long) paragraphCount * IndexLayout.PARAGRAPH_BYTES
                    || table[IndexLayout.ENTRIES][1] != entryCount * 8) {
                throw new IndexFormatException(file + ": the header's counts do not match its sections" + rebuild);
            }
            ByteBuffer[] sections = new ByteBuffer[IndexLayout.SECTIONS];
            for (int s = 0; s < IndexLayout.SECTIONS; s++) {
                if (table[s][1] > Integer.MAX_VALUE) {
                    throw new IndexFormatException(file + ": section " + IndexLayout.SECTION_NAMES[s] + " is larger "
                            + "than 2 GB, which this version cannot map; split the corpus into several indexes");
                }
                sections[s] = ch.map(FileChannel.MapMode.READ_ONLY, table[s][0], table[s][1]);
                crc.reset();
                crc.update(sections[s].duplicate());
                if (crc.getValue() != table[s][2]) {
                    throw new IndexFormatException(file + ": checksum mismatch in section "
                            + IndexLayout.SECTION_NAMES[s] + ": the file is corrupt" + rebuild);
                }
            }
            byte[] metaBytes = new byte[sections[IndexLayout.META].remaining()];
            sections[IndexLayout.META].get(0, metaBytes);
            return new SourceIndex(file, config, storyCount, paragraphCount, indexedCount, entryCount,
                    new String(metaBytes, StandardCharsets.UTF_8), sections[IndexLayout.STORIES],
                    sections[IndexLayout.PARAGRAPHS], sections[IndexLayout.STRINGS],
                    sections[IndexLayout.ENTRIES].asLongBuffer());
        }
    }

    /** {@return the index file} */
    public Path file() {
        return file;
    }

    /** {@return the configuration the index was built with (the spill size is not stored and reads as the default)} */
    public IndexConfig config() {
        return config;
    }

    /** {@return the number of stories} */
    public int storyCount() {
        return storyCount;
    }

    /** {@return the number of paragraphs over all stories} */
    public int paragraphCount() {
        return paragraphCount;
    }

    /** {@return the number of paragraphs long enough to be matched} */
    public int indexedParagraphCount() {
        return indexedCount;
    }

    /** {@return the number of LSH entries} */
    public long entryCount() {
        return entryCount;
    }

    /**
     * {@return the provenance written when the index was built (JSON: format, versions, corpus name and SHA-256,
     * config)}
     */
    public String provenanceJson() {
        return meta;
    }

    /**
     * Story {@code i}, for {@code 0 <= i < storyCount()}.
     *
     * @param i the story's position in the index
     * @return the story's record
     * @throws IndexOutOfBoundsException when {@code i} is out of range
     */
    public Story story(int i) {
        Objects.checkIndex(i, storyCount);
        int at = i * IndexLayout.STORY_BYTES;
        long s = stories.getLong(at);
        String id = string(s);
        long p = s + 4 + len(s);
        String source = string(p);
        p += 4 + len(p);
        String date = string(p);
        p += 4 + len(p);
        String title = string(p);
        return new Story(i, id, source, date, title, stories.getInt(at + 8), stories.getInt(at + 12),
                stories.getInt(at + 16));
    }

    /**
     * The normalised text of paragraph {@code p} (an index over all stories).
     *
     * @param p a paragraph, {@code 0 <= p < paragraphCount()}
     * @return its normalised text
     * @throws IndexOutOfBoundsException when {@code p} is out of range
     */
    public String paragraphText(int p) {
        Objects.checkIndex(p, paragraphCount);
        return string(paragraphs.getLong(p * IndexLayout.PARAGRAPH_BYTES));
    }

    /**
     * The story that paragraph {@code p} belongs to.
     *
     * @param p a paragraph, {@code 0 <= p < paragraphCount()}
     * @return the story's position in the index
     * @throws IndexOutOfBoundsException when {@code p} is out of range
     */
    public int storyOf(int p) {
        Objects.checkIndex(p, paragraphCount);
        return paragraphs.getInt(p * IndexLayout.PARAGRAPH_BYTES + 8);
    }

    /**
     * Words in paragraph {@code p}.
     *
     * @param p a paragraph, {@code 0 <= p < paragraphCount()}
     * @return its number of words
     * @throws IndexOutOfBoundsException when {@code p} is out of range
     */
    public int wordsOf(int p) {
        Objects.checkIndex(p, paragraphCount);
        return paragraphs.getInt(p * IndexLayout.PARAGRAPH_BYTES + 12);
    }

    Hashing hashing() {
        return hashing;
    }

    Words words(int p) {
        return Words.ofNormalized(paragraphText(p));
    }

    /** Calls {@code sink} with every paragraph filed under band key {@code key}, at most {@code max} of them. */
    int lookup(int key, int max, IntConsumer sink) {
        long lo = (long) key << 32;
        int p = prefix(lo);
        int a = directory[p], b = directory[p + 1];
        while (a < b) {
            int m = (a + b) >>> 1;
            if (entries.get(m) < lo) a = m + 1;
            else b = m;
        }
        int n = 0;
        for (int i = a; i < entries.limit() && n < max; i++, n++) {
            long e = entries.get(i);
            if ((int) (e >>> 32) != key) break;
            sink.accept((int) e);
        }
        return n;
    }

    /** The top 16 bits of an entry's band key, as an unsigned number in the signed order of entries. */
    private static int prefix(long entry) {
        return (int) ((entry >>> 48) ^ 0x8000);
    }

    private int len(long at) {
        int n = strings.getInt(checkedOffset(at));
        return Math.max(n, 0);
    }

    private String string(long at) {
        int off = checkedOffset(at);
        int n = strings.getInt(off);
        if (n < 0) return null;
        byte[] b = new byte[n];
        strings.get(off + 4, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int checkedOffset(long at) {
        if (at < 0 || at + 4 > strings.limit()) {
            throw new IllegalStateException(file + ": string offset " + at + " outside the index; the file is corrupt");
        }
        return (int) at;
    }

    @Override
    public String toString() {
        return "SourceIndex[" + file + ", " + storyCount + " stories, " + paragraphCount + " paragraphs]";
    }
}
