package org.wirecopy.cli;

import org.wirecopy.classify.BatchClassificationException;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.InputFiles;
import org.wirecopy.study.Post;
import org.wirecopy.study.PostSplitter;
import org.wirecopy.study.SummaryWriter;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Classifies many inputs with {@link Classifier#classifyAll}: files (each one article, its path its id), pages split
 * into posts ({@code --split-posts}), JSONL corpora (their articles keep their ids and fields) and stdin. Inputs are
 * opened lazily and results written in input order as they are done, so memory stays bounded. A file that cannot be
 * read or a bad JSONL line is reported with its location and skipped; the exit code then says data problems were
 * found. Progress (articles, paragraphs/s, and ETA when the amount of input is known) goes to stderr every 2 s.
 * Not thread-safe: one run per instance.
 */
final class BatchClassification {

    /** How to read inputs. */
    record Reading(String inputFormat, String url, boolean mainContent, boolean splitPosts, CorpusOptions corpus) {
    }

    /** One article to classify; {@code error} is set by the pool thread when it cannot be read. */
    static final class Item {
        final String id;
        final Map<String, String> fields;
        final Path file;
        final String text;
        final boolean post;
        final LabelledArticle corpus;
        /** A corpus article's paragraphs, made on the reading thread (null for other inputs). */
        final JsonlReading.Read read;
        volatile String error;

        Item(String id, Map<String, String> fields, Path file, String text, boolean post, LabelledArticle corpus) {
            this(id, fields, file, text, post, corpus, null);
        }

        Item(String id, Map<String, String> fields, Path file, String text, boolean post, LabelledArticle corpus,
             JsonlReading.Read read) {
            this.id = id;
            this.fields = fields;
            this.file = file;
            this.text = text;
            this.post = post;
            this.corpus = corpus;
            this.read = read;
        }
    }

    private final Classifier classifier;
    private final ResultWriter writer;
    private final SummaryWriter summary;
    private final PrintWriter err;
    private final int threads;
    private final Reading reading;
    private final long progressNanos;
    private final org.wirecopy.study.LabelThresholds thresholds;

    BatchClassification(Classifier classifier, ResultWriter writer, SummaryWriter summary, PrintWriter err,
                        int threads, Reading reading, org.wirecopy.study.LabelThresholds thresholds,
                        long progressNanos) {
        this.thresholds = thresholds;
        this.classifier = classifier;
        this.writer = writer;
        this.summary = summary;
        this.err = err;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.reading = reading;
        this.progressNanos = progressNanos;
    }

    private ProgressOption progressOption = new ProgressOption();

    /** Draws a progress bar instead of plain lines when stderr is a terminal or {@code --progress} was given. */
    BatchClassification withProgress(ProgressOption option) {
        this.progressOption = option;
        return this;
    }

    /** Classifies {@code inputs} in order and returns the exit code. */
    int run(List<InputFiles.Input> inputs) throws IOException {
        long started = System.nanoTime();
        long lastReport = started;
        long articles = 0;
        long paragraphs = 0;
        int skipped = 0;
        writer.begin();
        try (Items items = new Items(inputs);
             OrderedWork<Item, Done> results = new OrderedWork<>(items, items::ready, this::classify, threads,
                     BATCH, WINDOW_PER_THREAD * threads);
             ProgressDisplay bar = progressOption.open(err, "classify", barMax(items), barUnit(items))) {
            while (results.hasNext()) {
                OrderedWork.Done<Item, Done> r;
                try {
                    r = results.next();
                } catch (BatchClassificationException e) {
                    Item a = (Item) e.item();
                    throw new org.wirecopy.text.ArticleInputException(where(a) + ": article " + a.id
                            + " cannot be classified: " + e.getCause().getMessage(), e.getCause());
                }
                Item item = r.item();
                if (item.error != null) {
                    skipped++;
                    flushed(writer);
                    err.println("error: " + item.error + "; skipped");
                    continue;
                }
                org.wirecopy.classify.ClassifiedArticle result = r.result().article();
                if (r.result().text() != null) {
                    writer.printRendered(r.result().text());
                } else {
                    writer.article(item.id, item.fields, result, null);
                }
                // print as results come; send them to the output whenever the next one is not there yet
                if (!results.ready()) flushed(writer);
                if (summary != null) summary.write(ArticleSummary.of(item.id, item.fields, result));
                articles++;
                paragraphs += result.size();
                long now = System.nanoTime();
                if (bar.active()) {
                    bar.stepTo(byBytes(items) ? items.bytesDone() >> 10 : items.total > 1 ? items.opened : articles);
                    bar.extra(String.format(Locale.ROOT, "%d articles, %.0f paragraphs/s", articles,
                            paragraphs / Math.max(1e-9, (now - started) / 1e9)));
                } else if (now - lastReport >= progressNanos) {
                    lastReport = now;
                    flushed(writer);
                    progress(articles, paragraphs, started, now, items);
                }
            }
            writer.end();
            writer.check();
            if (summary != null) summary.finish();
            bar.close();
            int problems = skipped + items.problems();
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "classified %d articles in %.1f s (%d paragraphs)%s%n", articles, secs,
                    paragraphs, problems == 0 ? "" : "; " + problems + " bad inputs or lines skipped");
            err.flush();
            return problems == 0 ? ExitCodes.OK : ExitCodes.DATA;
        }
    }

    /** Articles per task of the pool (fewer when the reader has no more ready): set by measurement, see docs/performance.md. */
    static final int BATCH = 16;
    /** Tasks in flight per pool thread. */
    static final int WINDOW_PER_THREAD = 4;

    /** What a pool thread makes of an item: its result (thresholds applied) and, when the format allows, its text. */
    record Done(org.wirecopy.classify.ClassifiedArticle article, String text) {
    }

    /** Reads, classifies and (for JSONL output) renders one item, on a pool thread. */
    private Done classify(Item item) {
        org.wirecopy.classify.ClassifiedArticle result = classifier.classify(read(item));
        if (item.error != null) return new Done(result, null);
        if (thresholds != null) result = thresholds.apply(result);
        return new Done(result, writer.render(item.id, item.fields, result));
    }

    /** Sends the results printed so far to the output and fails when it refuses them. */
    private static void flushed(ResultWriter writer) throws IOException {
        writer.flush();
        writer.check();
    }

    /** A JSONL corpus of known size is followed by bytes read (KB), files by inputs done, else articles. */
    private static boolean byBytes(Items items) {
        return items.anyJsonl && items.totalBytes > 0;
    }

    private static long barMax(Items items) {
        return byBytes(items) ? Math.max(1, items.totalBytes >> 10) : items.total > 1 ? items.total : -1;
    }

    private static String barUnit(Items items) {
        return byBytes(items) ? "KB" : items.total > 1 ? "inputs" : "articles";
    }

    private static String where(Item a) {
        return a.corpus != null ? a.corpus.origin() : a.file != null ? a.file.toString() : a.id;
    }

    /** Turns an item into an article (on a pool thread); unreadable files become empty articles with an error. */
    private Article read(Item item) {
        if (item.read != null) return item.read.paragraphs();
        if (item.corpus != null) return Article.ofParagraphs(item.corpus.texts());
        try {
            if (item.post) return ArticleReader.read(item.text, InputFormat.HTML, reading.url(), false);
            String text = item.text != null ? item.text : ArticleReader.readFile(item.file);
            return ArticleReader.read(text, InputFormat.parse(reading.inputFormat()), reading.url(),
                    reading.mainContent());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) throw iae;
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            item.error = m.startsWith(where(item)) ? m : where(item) + ": " + m;
            return new Article(List.of(), InputFormat.LINES);
        }
    }

    /**
     * The fields of an article read from a file: {@code file} (its id), {@code page} (the file name without its
     * extension) and {@code dir} (the name of the folder holding it).
     */
    static Map<String, String> fileFields(InputFiles.Input in) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("file", in.id());
        if (in.stdin()) return base;
        base.put("page", stem(in.path().getFileName().toString()));
        Path parent = in.path().toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null) base.put("dir", parent.getFileName().toString());
        return base;
    }

    /** A file name without its last extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void progress(long articles, long paragraphs, long started, long now, Items items) {
        double secs = (now - started) / 1e9;
        double rate = paragraphs / Math.max(1e-9, secs);
        String eta = "";
        if (byBytes(items)) {
            long done = items.bytesDone();
            if (done > 0) {
                double left = secs * (items.totalBytes - done) / done;
                eta = String.format(Locale.ROOT, ", %.0f%% of the input read, ETA %.0f s",
                        100.0 * done / items.totalBytes, Math.max(0, left));
            }
        } else if (items.jsonl == null && items.total > 0 && items.opened > 0) {
            double left = secs * (items.total - items.opened) / items.opened;
            eta = String.format(Locale.ROOT, ", %d/%d inputs, ETA %.0f s", items.opened, items.total, left);
        }
        err.printf(Locale.ROOT, "classified %d articles (%d paragraphs), %.0f paragraphs/s%s%n", articles,
                paragraphs, rate, eta);
        err.flush();
    }

    /** The inputs as items, opened one at a time on the caller's thread. */
    private final class Items implements Iterator<Item>, AutoCloseable {
        private final List<InputFiles.Input> inputs;
        private final Deque<Item> pending = new ArrayDeque<>();
        private final List<JsonlReading> readers = new ArrayList<>();
        private final List<InputStream> streams = new ArrayList<>();
        final int total;
        int opened;
        JsonlReading jsonl;

        /** Bytes of all inputs when every one is a file (else -1), and of the inputs finished so far. */
        final long totalBytes;
        final boolean anyJsonl;
        private long finishedBytes;
        private long jsonlSize;

        Items(List<InputFiles.Input> inputs) {
            this.inputs = inputs;
            this.total = inputs.size();
            long bytes = 0;
            boolean json = false;
            for (InputFiles.Input in : inputs) {
                if (in.stdin()) {
                    bytes = -1;
                    json |= reading.inputFormat().equalsIgnoreCase("jsonl");
                    break;
                }
                json |= isJsonl(in);
                try {
                    bytes += Files.size(in.path());
                } catch (IOException | SecurityException e) {
                    bytes = -1;
                    break;
                }
            }
            this.totalBytes = bytes;
            this.anyJsonl = json;
        }

        /** Bytes of input read so far: the finished inputs' sizes and what the current JSONL reader has read. */
        long bytesDone() {
            JsonlReading r = jsonl;
            return finishedBytes + (r == null ? 0 : Math.min(r.bytes(), jsonlSize));
        }

        private long sizeOf(InputFiles.Input in) {
            try {
                return Files.size(in.path());
            } catch (IOException | SecurityException e) {
                return 0;
            }
        }

        private boolean isJsonl(InputFiles.Input in) {
            return reading.inputFormat().equalsIgnoreCase("jsonl") || (reading.inputFormat().equalsIgnoreCase("auto")
                    && !in.stdin() && in.path().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl"));
        }

        /** Whether {@link #next()} can return without waiting for the JSONL reader (files are opened lazily). */
        boolean ready() {
            if (!pending.isEmpty()) return true;
            return jsonl != null ? jsonl.ready() : opened < inputs.size();
        }

        int problems() {
            int n = 0;
            for (JsonlReading r : readers) n += r.problems();
            return n;
        }

        @Override
        public boolean hasNext() {
            while (true) {
                if (!pending.isEmpty()) return true;
                if (jsonl != null) {
                    if (jsonl.hasNext()) {
                        JsonlReading.Read read = jsonl.next();
                        LabelledArticle a = read.corpus();
                        pending.add(new Item(a.id(), fields(a), null, null, false, a, read));
                        return true;
                    }
                    jsonl = null;
                    finishedBytes += jsonlSize;
                }
                if (opened == inputs.size()) return false;
                try {
                    open(inputs.get(opened++));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public Item next() {
            if (!hasNext()) throw new NoSuchElementException();
            return pending.poll();
        }

        private void open(InputFiles.Input in) throws IOException {
            String name = in.stdin() ? "stdin" : in.path().toString();
            boolean isJsonl = reading.inputFormat().equalsIgnoreCase("jsonl")
                    || (reading.inputFormat().equalsIgnoreCase("auto") && !in.stdin()
                    && name.toLowerCase(Locale.ROOT).endsWith(".jsonl"));
            if (isJsonl) {
                if (!in.stdin()) org.wirecopy.io.SafeFiles.requireReadable(in.path(), "JSONL corpus");
                jsonlSize = in.stdin() ? 0 : sizeOf(in);
                InputStream s = in.stdin() ? System.in : Files.newInputStream(in.path());
                if (!in.stdin()) streams.add(s);
                jsonl = new JsonlReading(s, name, reading.corpus(), err);
                readers.add(jsonl);
                return;
            }
            if (!in.stdin()) finishedBytes += sizeOf(in);
            Map<String, String> base = fileFields(in);
            String text = null;
            if (in.stdin()) text = ArticleReader.readStream(System.in, "stdin");
            if (reading.splitPosts()) {
                if (text == null) {
                    try {
                        text = ArticleReader.readFile(in.path());
                    } catch (org.wirecopy.text.ArticleInputException | org.wirecopy.io.LimitExceededException e) {
                        Item bad = new Item(in.id(), base, in.path(), null, false, null);
                        bad.error = e.getMessage();
                        pending.add(bad);
                        return;
                    }
                }
                if (ArticleReader.resolve(text, InputFormat.parse(reading.inputFormat())) == InputFormat.HTML) {
                    List<Post> posts = PostSplitter.split(text);
                    if (posts.size() > 1) {
                        for (Post p : posts) {
                            Map<String, String> f = new LinkedHashMap<>(base);
                            f.put("post", String.valueOf(p.index() + 1));
                            f.put("title", p.title());
                            if (!p.date().isEmpty()) f.put("date", p.date());
                            f.put("post_start", String.valueOf(p.start()));
                            f.put("post_end", String.valueOf(p.end()));
                            f.put("layout", p.layout());
                            pending.add(new Item(in.id() + "#post-" + (p.index() + 1), f, in.path(), p.html(), true,
                                    null));
                        }
                        return;
                    }
                }
            }
            pending.add(new Item(in.id(), base, in.path(), text, false, null));
        }

        /** An article's fields; rows of flat JSONL carry theirs on each paragraph (the first one's are taken). */
        private Map<String, String> fields(LabelledArticle a) {
            if (!a.fields().isEmpty()) return a.fields();
            Map<String, String> f = new LinkedHashMap<>(a.paragraphs().get(0).fields());
            CorpusOptions o = reading.corpus();
            if (o.idColumn() != null) f.remove(o.idColumn());
            if (o.indexColumn() != null) f.remove(o.indexColumn());
            return f;
        }

        @Override
        public void close() throws IOException {
            for (JsonlReading r : readers) r.close();
            IOException first = null;
            for (InputStream s : streams) {
                try {
                    s.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }
}
