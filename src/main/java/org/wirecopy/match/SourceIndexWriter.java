package org.wirecopy.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.model.Versions;
import org.wirecopy.text.TextNormalizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.zip.CRC32;

/**
 * Builds a {@link SourceIndex} file from stories given one at a time, in bounded memory: texts and records stream to
 * temporary files beside the output, and LSH entries are sorted in runs of {@link IndexConfig#spillEntries()} that
 * are spilled and merged (an external sort). The file is written under a temporary name and moved into place when
 * complete, so a failed build never leaves a partial index. The same stories and configuration give a byte-identical
 * file.
 *
 * <pre>{@code
 * IndexSummary s = SourceIndexWriter.build(Path.of("wire.jsonl"), CorpusOptions.defaults(), Path.of("wire.idx"),
 *         IndexConfig.defaults());
 * }</pre>
 *
 * <p>Not thread-safe: one thread adds stories and finishes.
 */
public final class SourceIndexWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceIndexWriter.class);

    private final Path out;
    private final IndexConfig config;
    private final Hashing hashing;
    private final Path tmpDir;
    private final Path storiesFile, paragraphsFile, stringsFile;
    private final DataOutputStream stories, paragraphs, strings;
    private long stringsSize;
    private final long[] buffer;
    private int buffered;
    private final List<Path> runs = new ArrayList<>();
    private int storyCount;
    private int paragraphCount;
    private int indexedCount;
    private long entryCount;
    private String corpusName = "";
    private String corpusSha256 = "";
    private boolean finished;

    /**
     * A writer of the index file {@code out}; temporary files go to a directory beside it.
     *
     * @param out    the index file to write (its directory is created if missing)
     * @param config how to build the index; not null
     * @throws IOException when {@code out} is a directory, FIFO or device ({@link SafeFiles#requireWritableTarget}),
     *                     or the directory or the temporary files cannot be created
     */
    public SourceIndexWriter(Path out, IndexConfig config) throws IOException {
        SafeFiles.requireWritableTarget(Objects.requireNonNull(out, "out"));
        this.out = out.toAbsolutePath();
        this.config = Objects.requireNonNull(config, "config");
        this.hashing = new Hashing(config.shingleSize(), config.bands(), config.rows(), config.seed());
        Path parent = this.out.getParent();
        if (parent != null) Files.createDirectories(parent);
        this.tmpDir = Files.createTempDirectory(parent, ".wirecopy-index-");
        this.storiesFile = tmpDir.resolve("stories");
        this.paragraphsFile = tmpDir.resolve("paragraphs");
        this.stringsFile = tmpDir.resolve("strings");
        this.stories = open(storiesFile);
        this.paragraphs = open(paragraphsFile);
        this.strings = open(stringsFile);
        this.buffer = new long[config.spillEntries()];
    }

    private static DataOutputStream open(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
    }

    /**
     * Reads a corpus file as a stream of stories (canonical JSONL, or rows grouped by {@code options}) and builds the
     * index {@code out}. Labels are not needed; the article fields {@code source}, {@code date} and {@code title}
     * (or the first paragraph's) are kept. Article ids are not checked for uniqueness (that would need memory that
     * grows with the corpus).
     *
     * @param corpus  the corpus file
     * @param options how to read it (labels are neither required nor checked)
     * @param out     the index file to write
     * @param config  how to build the index
     * @return what the index holds
     * @throws CorpusFormatException listing the problems of the file (nothing is written), or saying it holds no
     *                               stories
     * @throws IOException when the corpus cannot be read or the index cannot be written
     */
    public static IndexSummary build(Path corpus, CorpusOptions options, Path out, IndexConfig config)
            throws IOException {
        List<DataProblem> problems = new ArrayList<>();
        MessageDigest md = sha256();
        try (SourceIndexWriter w = new SourceIndexWriter(out, config);
             InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(corpus), 1 << 16),
                     md)) {
            CorpusOptions o = options.requiringLabels(false).anyLabel();
            CorpusFormat f = o.format().resolve(corpus);
            CorpusReader.stream(in, corpus.toString(), f, o, new CorpusReader.Sink() {
                @Override
                public void article(LabelledArticle a) throws IOException {
                    if (problems.isEmpty()) w.add(a);
                }

                @Override
                public void problem(DataProblem p) {
                    if (problems.size() < CorpusReader.MAX_PROBLEMS) problems.add(p);
                }
            }, false);
            if (!problems.isEmpty()) throw new CorpusFormatException(problems);
            if (w.storyCount == 0) {
                throw new CorpusFormatException(List.of(new DataProblem(corpus.toString(), 0, "",
                        "no stories in the file, so there is nothing to index",
                        "give a JSONL file with one story per line: {\"id\": ..., \"paragraphs\": [{\"text\": ...}]}"
                                + ", or --id-column for files of one paragraph per row")));
            }
            w.corpusName = corpus.getFileName().toString();
            w.corpusSha256 = HexFormat.of().formatHex(md.digest());
            return w.finish();
        }
    }

    /**
     * Adds a corpus article as a story; its {@code source}, {@code date} and {@code title} come from the article's
     * fields, else from its first paragraph's.
     *
     * @param a the article
     * @throws IOException when a temporary file cannot be written
     * @throws IllegalStateException when the index is finished
     */
    public void add(LabelledArticle a) throws IOException {
        LabelledParagraph first = a.paragraphs().get(0);
        add(a.id(), field(a, first, "source"), field(a, first, "date"), field(a, first, "title"), a.texts());
    }

    private static String field(LabelledArticle a, LabelledParagraph first, String name) {
        String v = a.field(name);
        return v != null ? v : first.fields().get(name);
    }

    /**
     * Adds a story.
     *
     * @param id         its id (not blank)
     * @param source     its source (e.g. the agency), or null
     * @param date       its date, or null
     * @param title      its title, or null
     * @param texts      its paragraphs in order, at least one
     * @throws IOException when a temporary file cannot be written
     * @throws IllegalStateException when the index is finished or would hold more than {@code Integer.MAX_VALUE}
     *                               paragraphs
     * @throws IllegalArgumentException when the id is blank or there is no paragraph
     */
    public void add(String id, String source, String date, String title, List<String> texts) throws IOException {
        if (finished) throw new IllegalStateException("the index is finished");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("story id is blank");
        if (texts.isEmpty()) throw new IllegalArgumentException("story " + id + " has no paragraphs");
        if (paragraphCount > Integer.MAX_VALUE - texts.size()) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " paragraphs; split the corpus");
        }
        long stringsAt = stringsSize;
        writeString(id);
        writeString(source);
        writeString(date);
        writeString(title);
        int words = 0;
        int firstParagraph = paragraphCount;
        for (String text : texts) {
            String normal = TextNormalizer.normalize(Objects.requireNonNull(text, "paragraph text"));
            Words w = Words.ofNormalized(normal);
            paragraphs.writeLong(stringsSize);
            paragraphs.writeInt(storyCount);
            paragraphs.writeInt(w.wordCount());
            writeString(normal);
            words += w.wordCount();
            if (w.wordCount() >= config.minWords()) {
                long[] sh = hashing.shingles(w);
                if (sh.length > 0) {
                    indexedCount++;
                    for (int key : hashing.bandKeys(sh)) entry(((long) key << 32) | paragraphCount);
                }
            }
            paragraphCount++;
        }
        stories.writeLong(stringsAt);
        stories.writeInt(firstParagraph);
        stories.writeInt(texts.size());
        stories.writeInt(words);
        storyCount++;
        if (storyCount % 100_000 == 0) LOG.info("{} stories, {} paragraphs indexed", storyCount, paragraphCount);
    }

    private void writeString(String s) throws IOException {
        if (s == null) {
            strings.writeInt(-1);
            stringsSize += 4;
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        strings.writeInt(b.length);
        strings.write(b);
        stringsSize += 4 + b.length;
    }

    private void entry(long e) throws IOException {
        if (buffered == buffer.length) spill();
        buffer[buffered++] = e;
        entryCount++;
    }

    private void spill() throws IOException {
        Arrays.sort(buffer, 0, buffered);
        Path run = tmpDir.resolve("run" + runs.size());
        try (DataOutputStream d = open(run)) {
            for (int i = 0; i < buffered; i++) d.writeLong(buffer[i]);
        }
        runs.add(run);
        buffered = 0;
        LOG.debug("spilled sorted run {} ({} entries)", runs.size(), entryCount);
    }

    /**
     * Writes the index file and returns what it holds.
     *
     * @return what the index holds
     * @throws IllegalStateException when no story was added (an empty index cannot be opened), or when called twice
     * @throws IOException when the index cannot be written
     */
    public IndexSummary finish() throws IOException {
        if (finished) throw new IllegalStateException("the index is finished");
        if (storyCount == 0) throw new IllegalStateException("no stories were added; an index needs at least one");
        finished = true;
        stories.close();
        paragraphs.close();
        strings.close();
        int spilled = 0;
        if (!runs.isEmpty()) {
            if (buffered > 0) spill();
            spilled = runs.size();
        } else {
            Arrays.sort(buffer, 0, buffered);
        }
        Path tmpOut = tmpDir.resolve("index");
        long[][] table = new long[IndexLayout.SECTIONS][3];
        try (SectionStream s = new SectionStream(new BufferedOutputStream(Files.newOutputStream(tmpOut), 1 << 16))) {
            s.write(new byte[IndexLayout.HEADER_BYTES]);
            DataOutputStream d = new DataOutputStream(s);
            s.begin();
            d.write(meta());
            d.flush();
            table[IndexLayout.META] = s.end();
            Path[] files = {null, storiesFile, paragraphsFile, stringsFile};
            for (int sec = IndexLayout.STORIES; sec <= IndexLayout.STRINGS; sec++) {
                s.begin();
                Files.copy(files[sec], s);
                table[sec] = s.end();
            }
            s.begin();
            if (runs.isEmpty()) {
                for (int i = 0; i < buffered; i++) d.writeLong(buffer[i]);
            } else {
                merge(d);
            }
            d.flush();
            table[IndexLayout.ENTRIES] = s.end();
        }
        writeHeader(tmpOut, table);
        Files.move(tmpOut, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long bytes = Files.size(out);
        deleteTemp();
        LOG.debug("index {}: {} stories, {} paragraphs ({} indexed), {} entries, {} bytes", out, storyCount,
                paragraphCount, indexedCount, entryCount, bytes);
        return new IndexSummary(out, storyCount, paragraphCount, indexedCount, entryCount, bytes, spilled,
                corpusSha256);
    }

    private byte[] meta() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("format", IndexLayout.FORMAT_NAME);
        m.put("version", IndexLayout.VERSION);
        m.put("wirecopy", Versions.wirecopy());
        m.put("corpus", corpusName);
        m.put("corpusSha256", corpusSha256);
        ObjectNode c = m.putObject("config");
        c.put("shingleSize", config.shingleSize());
        c.put("bands", config.bands());
        c.put("rows", config.rows());
        c.put("minWords", config.minWords());
        c.put("seed", config.seed());
        c.put("normalisation", "TextNormalizer; words lower-cased, digits kept, punctuation dropped");
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** Merges the sorted runs into {@code d}. */
    private void merge(DataOutputStream d) throws IOException {
        List<DataInputStream> ins = new ArrayList<>();
        try {
            PriorityQueue<long[]> heap = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                    : Long.compare(x[1], y[1]));
            for (int r = 0; r < runs.size(); r++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(r)),
                        1 << 16));
                ins.add(in);
                heap.add(new long[]{in.readLong(), r});
            }
            while (!heap.isEmpty()) {
                long[] top = heap.poll();
                d.writeLong(top[0]);
                DataInputStream in = ins.get((int) top[1]);
                try {
                    top[0] = in.readLong();
                    heap.add(top);
                } catch (EOFException end) {
                    // run exhausted
                }
            }
        } finally {
            for (DataInputStream in : ins) in.close();
        }
    }

    private void writeHeader(Path file, long[][] table) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(IndexLayout.HEADER_BYTES);
        h.put(IndexLayout.MAGIC);
        h.putInt(IndexLayout.VERSION);
        h.putInt(config.shingleSize()).putInt(config.bands()).putInt(config.rows()).putInt(config.minWords());
        h.putLong(config.seed());
        h.putInt(storyCount).putInt(paragraphCount).putInt(indexedCount);
        h.putLong(entryCount);
        for (long[] t : table) h.putLong(t[0]).putLong(t[1]).putInt((int) t[2]);
        CRC32 crc = new CRC32();
        crc.update(h.array(), 0, IndexLayout.HEADER_BYTES - 4);
        h.putInt(IndexLayout.HEADER_BYTES - 4, (int) crc.getValue());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(h.array());
            raf.getChannel().force(true); // the whole index on disk before the rename, as in SafeFiles
        }
    }

    /** Removes the temporary files; an unfinished index is abandoned. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            stories.close();
            paragraphs.close();
            strings.close();
        }
        deleteTemp();
    }

    private void deleteTemp() throws IOException {
        if (!Files.exists(tmpDir)) return;
        try (var files = Files.list(tmpDir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(tmpDir);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Counts bytes and computes the CRC-32 of the current section. */
    private static final class SectionStream extends FilterOutputStream {
        private long position;
        private long sectionStart;
        private final CRC32 crc = new CRC32();

        SectionStream(OutputStream out) {
            super(out);
        }

        void begin() {
            sectionStart = position;
            crc.reset();
        }

        /** {offset, length, crc} of the section just written. */
        long[] end() {
            return new long[]{sectionStart, position - sectionStart, crc.getValue()};
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            position += len;
        }
    }
}
