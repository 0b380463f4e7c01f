package org.wirecopy.features;

import org.wirecopy.text.PageSignals;
import org.wirecopy.text.Paragraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes the model's input vectors for the paragraphs of one article: cue features of the paragraph and of its
 * neighbours, and hashed word n-grams (square-rooted counts, L2-normalised). See {@link FeatureConfig} for the layout.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureExtractor {

    private static final String BEGIN = "<s>";
    private static final String END = "</s>";

    private final FeatureConfig config;
    private final StaticVectors vectors;
    private final SentenceEncoder encoder;

    /**
     * An extractor for a feature set without paragraph vectors ({@link FeatureConfig#vectorDims()} 0).
     *
     * @param config the feature configuration; not null
     * @throws IllegalArgumentException when the feature set needs paragraph vectors
     */
    public FeatureExtractor(FeatureConfig config) {
        this(config, null);
    }

    /**
     * An extractor for {@code config}; {@code vectors} must be given, with {@link FeatureConfig#vectorDims()}
     * dimensions, exactly when the feature set has paragraph vectors, and is ignored otherwise.
     *
     * @param config  the feature configuration; not null
     * @param vectors the static word vectors, or null when the feature set has none
     * @throws IllegalArgumentException when the feature set needs vectors and none or vectors of other dimensions are
     *                                  given
     */
    public FeatureExtractor(FeatureConfig config, StaticVectors vectors) {
        this(config, vectors, config != null && config.encoder() != null
                ? SentenceEncoders.require(config.encoder()) : null);
    }

    /**
     * An extractor for {@code config} that runs {@code encoder} when the feature set has a sentence encoder (and
     * ignores it otherwise): a training run gives a {@link SentenceEncoders#memoizing memoizing} one.
     *
     * @param config  the feature configuration; not null
     * @param vectors the static word vectors, or null when the feature set has none
     * @param encoder the sentence encoder {@link FeatureConfig#encoder()} names, or null when it names none
     * @throws IllegalArgumentException when the vectors or the encoder do not fit the feature set
     */
    public FeatureExtractor(FeatureConfig config, StaticVectors vectors, SentenceEncoder encoder) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.encoder() != null) {
            if (encoder == null || !config.encoder().equals(encoder.name()) || encoder.dims() != config.encoderDims()) {
                throw new IllegalArgumentException("features need the sentence encoder '" + config.encoder() + "' of "
                        + config.encoderDims() + " dimensions, got " + (encoder == null ? "none"
                        : "'" + encoder.name() + "' of " + encoder.dims()));
            }
            this.encoder = encoder;
        } else {
            this.encoder = null;
        }
        if (config.vectorDims() > 0) {
            if (vectors == null) {
                throw new IllegalArgumentException("features " + config.version() + " need static word vectors; "
                        + "give them (train --vectors training-data/minilm-vectors.bin)");
            }
            if (vectors.dims() != config.vectorDims()) {
                throw new IllegalArgumentException("features " + config.version() + " need " + config.vectorDims()
                        + "-dimensional vectors, got " + vectors.dims());
            }
            this.vectors = vectors;
        } else {
            this.vectors = null;
        }
    }

    /** {@return the static word vectors, or null when the feature set has none} */
    StaticVectors vectors() {
        return vectors;
    }

    /** {@return the feature configuration} */
    public FeatureConfig config() {
        return config;
    }

    /**
     * The input vectors of every paragraph, in order, with no page signals.
     *
     * @param paragraphs an article's paragraphs, in reading order
     * @return one vector of {@link FeatureConfig#inputSize()} dimensions per paragraph
     */
    public List<SparseVector> extract(List<Paragraph> paragraphs) {
        return extract(paragraphs, PageSignals.NONE);
    }

    /**
     * The input vectors of every paragraph of a page, in order. Each depends on the whole article (neighbours and
     * article means), so the list must be the whole article.
     *
     * @param paragraphs an article's paragraphs, in reading order
     * @param page       what the page says of its kind ({@link PageSignals#NONE} for none)
     * @return one vector of {@link FeatureConfig#inputSize()} dimensions per paragraph
     */
    public List<SparseVector> extract(List<Paragraph> paragraphs, PageSignals page) {
        // The loops over a paragraph's chars, tokens and entries are in methods of their own (see Cues).
        int n = paragraphs.size();
        float[][] cues = new float[n][Cues.COUNT];
        Grams[] grams = new Grams[n];
        Buffers buffers = BUFFERS.get();
        Cues.Scratch scratch = buffers.cues;
        Ngrams ngrams = buffers.ngrams;
        Tokens tokens = buffers.tokens;
        int longest = 0;
        for (int i = 0; i < n; i++) {
            grams[i] = analyse(paragraphs.get(i), i, n, cues[i], scratch, ngrams, tokens);
            longest = Math.max(longest, grams[i].idx.length);
        }
        float[] mean = config.contrast() ? mean(cues) : null;
        float[][] vec = null;
        if (vectors != null) {
            vec = new float[n][vectors.dims()];
            for (int i = 0; i < n; i++) vectors.embed(paragraphs.get(i).normalizedText(), vec[i], 0);
        }
        float[][] embedded = null;
        if (encoder != null) {
            embedded = new float[n][encoder.dims()];
            for (int i = 0; i < n; i++) encoder.embed(paragraphs.get(i).normalizedText(), embedded[i], 0);
        }
        float[][] markup = null;
        if (config.markupCues()) {
            markup = new float[n][MarkupCues.COUNT];
            boolean html = MarkupCues.hasMarkup(paragraphs);
            for (int i = 0; i < n; i++) MarkupCues.compute(paragraphs.get(i), html, page, markup[i], 0);
        }
        float[][] typography = null;
        if (config.typographyCues()) {
            typography = new float[n][TypographyCues.COUNT];
            TypographyCues.compute(paragraphs, typography, 0);
        }
        // one paragraph's non-zero entries; reused for every paragraph
        int size = config.ngramOffset() + longest;
        if (buffers.idx.length < size) {
            buffers.idx = new int[size];
            buffers.val = new float[size];
        }
        int[] idx = buffers.idx;
        float[] val = buffers.val;
        List<SparseVector> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(vector(i, cues, mean, markup == null ? null : markup[i],
                typography == null ? null : typography[i], vec == null ? null : vec[i],
                embedded == null ? null : embedded[i], grams[i], idx, val));
        // a thread keeps its buffers only while they are small: one huge paragraph must not pin megabytes
        if (buffers.oversized()) BUFFERS.remove();
        return out;
    }

    /** Computes the cues of paragraph {@code i} into {@code cues} and returns its n-gram buckets. */
    private Grams analyse(Paragraph p, int i, int n, float[] cues, Cues.Scratch scratch, Ngrams ngrams,
                          Tokens tokens) {
        String text = p.normalizedText();
        char[] chars = scratch.load(text);
        Tokenizer.scan(chars, text.length(), tokens);
        Cues.compute(text, chars, tokens, i, n, p.blockquoteDepth(), p.headingLevel(), cues, 0, scratch);
        // n-grams read the first maxChars chars only (the tokens of that prefix: its last word may be cut)
        if (text.length() > config.maxChars()) Tokenizer.scan(chars, config.maxChars(), tokens);
        return hashNgrams(tokens, ngrams);
    }

    /** Each cue's mean over the article (not empty: extract() has at least one paragraph when it asks). */
    private static float[] mean(float[][] cues) {
        float[] mean = new float[Cues.COUNT];
        for (float[] c : cues) for (int k = 0; k < Cues.COUNT; k++) mean[k] += c[k];
        for (int k = 0; k < Cues.COUNT; k++) mean[k] /= cues.length;
        return mean;
    }

    /**
     * Writes the non-zero entries of the dense block {@code values}, which starts at input index {@code from}, into
     * {@code idx} and {@code val} from position {@code k}; returns the position after them.
     */
    private static int dense(float[] values, int from, int[] idx, float[] val, int k) {
        for (int c = 0; c < values.length; c++) {
            idx[k] = from + c;
            val[k] = values[c];
            k += values[c] != 0f ? 1 : 0;
        }
        return k;
    }

    /** The input vector of paragraph {@code i}; {@code idx} and {@code val} are scratch space.
     * Entries of value 0 (or -0) are left out as they are written (k advances only past a non-zero one). */
    private SparseVector vector(int i, float[][] cues, float[] mean, float[] markup, float[] typography, float[] vec,
                                float[] embedded, Grams g, int[] idx, float[] val) {
        int n = cues.length;
        int k = 0;
        float[] own = cues[i];
        for (int c = 0; c < Cues.COUNT; c++) {
            idx[k] = c;
            val[k] = own[c];
            k += own[c] != 0f ? 1 : 0;
        }
        if (mean != null) {
            for (int c = 0; c < Cues.COUNT; c++) {
                float v = own[c] - mean[c];
                idx[k] = Cues.COUNT + c;
                val[k] = v;
                k += v != 0f ? 1 : 0;
            }
        }
        int w = config.window();
        int base = config.neighbourOffset();
        for (int d = -w; d <= w; d++) {
            if (d == 0) continue;
            int j = i + d;
            boolean present = j >= 0 && j < n;
            float[] other = present ? cues[j] : ABSENT;
            for (int c = 0; c < Cues.COUNT; c++) {
                idx[k] = base + c;
                val[k] = other[c];
                k += other[c] != 0f ? 1 : 0;
            }
            if (present) {
                idx[k] = base + Cues.COUNT;
                val[k++] = 1f;
            }
            base += Cues.COUNT + 1;
        }
        if (markup != null) k = dense(markup, config.markupOffset(), idx, val, k);
        if (typography != null) k = dense(typography, config.typographyOffset(), idx, val, k);
        if (vec != null) k = dense(vec, config.vectorOffset(), idx, val, k);
        if (embedded != null) k = dense(embedded, config.encoderOffset(), idx, val, k);
        int offset = config.ngramOffset();
        for (int e = 0; e < g.idx.length; e++) {
            idx[k] = offset + g.idx[e];
            val[k] = g.val[e];
            k += g.val[e] != 0f ? 1 : 0;
        }
        return new SparseVector(config.inputSize(), Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    /** The cues of a neighbour beyond the article's ends. */
    private static final float[] ABSENT = new float[Cues.COUNT];

    /**
     * The word n-grams of a normalised text, as the extractor hashes them (for explanations).
     *
     * @param normalizedText a paragraph's normalised text
     * @return its n-grams in the order they are hashed, repeats kept (bigrams mark the paragraph's start and end)
     */
    public List<String> ngrams(String normalizedText) {
        List<String> tokens = Tokenizer.tokens(normalizedText, config.maxChars(), false);
        List<String> out = new ArrayList<>();
        forEachNgram(tokens, out::add);
        return out;
    }

    /**
     * The bucket of an n-gram string such as {@code "said on"}, within the n-gram block.
     *
     * @param ngram an n-gram as {@link #ngrams(String)} gives it
     * @return its bucket, in 0..{@link FeatureConfig#buckets()}-1 (add {@link FeatureConfig#ngramOffset()} for the
     *         input index)
     */
    public int bucket(String ngram) {
        return hash(ngram) & (config.buckets() - 1);
    }

    /** Reusable buffers of {@link #hashNgrams}. */
    private static final class Ngrams {
        int[] keys = new int[256];
        int[] state = new int[64];
        /** Per bucket, its count in the paragraph; all 0 between paragraphs. */
        int[] counts = new int[0];
        /** A bit per bucket, set when its count is not 0; all 0 between paragraphs. */
        long[] seen = new long[0];
    }

    /**
     * Buckets up to which a paragraph's n-grams are counted in a table of all buckets and read back in bucket order
     * from a bit set, instead of sorting the paragraph's keys (the same buckets and counts).
     */
    private static final int TABLE_BUCKETS = 1 << 14;

    /**
     * One thread's scratch space for {@link #extract}: cue matchers, n-gram buffers and one paragraph's entries,
     * reused by every call on that thread (a call uses them only while it runs, and never calls itself).
     */
    private static final class Buffers {
        /** Capacity above which a thread's buffers are dropped after use (chars, keys or entries). */
        static final int KEEP = 1 << 16;
        final Cues.Scratch cues = new Cues.Scratch();
        final Ngrams ngrams = new Ngrams();
        final Tokens tokens = new Tokens();
        int[] idx = new int[0];
        float[] val = new float[0];

        boolean oversized() {
            return cues.capacity() > KEEP || ngrams.keys.length > KEEP || ngrams.state.length > KEEP
                    || idx.length > KEEP || tokens.capacity() > KEEP;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** A paragraph's n-gram buckets (sorted, distinct) and their values. */
    private record Grams(int[] idx, float[] val) {
    }

    private static final Grams NO_GRAMS = new Grams(new int[0], new float[0]);

    /**
     * The bucket counts of the n-grams {@link #forEachNgram} lists, hashed as {@link #hash} hashes the joined strings
     * but without building them: FNV-1a is read left to right, so the hash of {@code "a b"} continues from the state
     * after {@code "a"}.
     */
    private Grams hashNgrams(Tokens tokens, Ngrams scratch) {
        if (config.maxNgram() == 0) return NO_GRAMS;
        int mask = config.buckets() - 1;
        int n = tokens.count;
        char[] s = tokens.chars;
        int[] at = tokens.start;
        int capacity = Math.max(8, n * config.maxNgram() + 2);
        if (scratch.keys.length < capacity) scratch.keys = new int[Math.max(capacity, 2 * scratch.keys.length)];
        if (scratch.state.length < n) scratch.state = new int[Math.max(n, 2 * scratch.state.length)];
        int[] keys = scratch.keys;
        int[] state = scratch.state;
        int m = 0;
        for (int i = 0; i < n; i++) {
            state[i] = fnv(FNV_BASIS, s, at[i], at[i + 1]);
            keys[m++] = mix(state[i]) & mask;
        }
        if (config.maxNgram() >= 2 && n > 0) {
            keys[m++] = mix(fnv(BEGIN_STATE, s, at[0], at[1])) & mask;
            for (int i = 0; i + 1 < n; i++) keys[m++] = mix(fnv(fnv(state[i], ' '), s, at[i + 1], at[i + 2])) & mask;
            keys[m++] = mix(fnv(state[n - 1], END_SUFFIX)) & mask;
        }
        if (config.maxNgram() >= 3) {
            for (int i = 0; i + 2 < n; i++) {
                int h = fnv(fnv(fnv(state[i], ' '), s, at[i + 1], at[i + 2]), ' ');
                keys[m++] = mix(fnv(h, s, at[i + 2], at[i + 3])) & mask;
            }
        }
        if (m == 0) return NO_GRAMS;
        int[] idx;
        float[] val;
        int buckets = config.buckets();
        if (buckets <= TABLE_BUCKETS) {
            if (scratch.counts.length < buckets) {
                scratch.counts = new int[buckets];
                scratch.seen = new long[(buckets + 63) >>> 6];
            }
            int[] counts = scratch.counts;
            long[] seen = scratch.seen;
            boolean clean = false;
            try {
                int distinct = 0;
                for (int i = 0; i < m; i++) {
                    int key = keys[i];
                    if (counts[key]++ == 0) {
                        distinct++;
                        seen[key >>> 6] |= 1L << key;
                    }
                }
                idx = new int[distinct];
                val = new float[distinct];
                int k = 0;
                for (int w = 0, words = (buckets + 63) >>> 6; k < distinct && w < words; w++) {
                    long bits = seen[w];
                    if (bits == 0) continue;
                    seen[w] = 0;
                    do {
                        int key = (w << 6) + Long.numberOfTrailingZeros(bits);
                        idx[k] = key;
                        // the sorting path adds 1f once per occurrence: the same float for any count below 2^24
                        val[k++] = counts[key];
                        counts[key] = 0;
                        bits &= bits - 1;
                    } while (bits != 0);
                }
                clean = true;
            } finally {
                // an error between counting and reading back (OutOfMemoryError) must not leave counts behind
                if (!clean) {
                    Arrays.fill(counts, 0);
                    Arrays.fill(seen, 0);
                }
            }
        } else {
            Arrays.sort(keys, 0, m);
            int distinct = 1;
            for (int i = 1; i < m; i++) if (keys[i] != keys[i - 1]) distinct++;
            idx = new int[distinct];
            val = new float[distinct];
            int k = -1;
            for (int i = 0; i < m; i++) {
                if (k >= 0 && idx[k] == keys[i]) {
                    val[k] += 1f;
                } else {
                    idx[++k] = keys[i];
                    val[k] = 1f;
                }
            }
        }
        int distinct = idx.length;
        double norm = 0;
        for (int i = 0; i < distinct; i++) {
            val[i] = (float) Math.sqrt(val[i]);
            norm += val[i] * val[i];
        }
        float inv = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < distinct; i++) val[i] *= inv;
        return new Grams(idx, val);
    }

    private void forEachNgram(List<String> tokens, java.util.function.Consumer<String> sink) {
        int n = tokens.size();
        if (config.maxNgram() == 0) return;
        for (int i = 0; i < n; i++) sink.accept(tokens.get(i));
        if (config.maxNgram() >= 2 && n > 0) {
            sink.accept(BEGIN + " " + tokens.get(0));
            for (int i = 0; i + 1 < n; i++) sink.accept(tokens.get(i) + " " + tokens.get(i + 1));
            sink.accept(tokens.get(n - 1) + " " + END);
        }
        if (config.maxNgram() >= 3) {
            for (int i = 0; i + 2 < n; i++) sink.accept(tokens.get(i) + " " + tokens.get(i + 1) + " " + tokens.get(i + 2));
        }
    }

    /** 32-bit FNV-1a over the UTF-16 chars; stable across JVMs and platforms. */
    static int hash(String s) {
        return mix(fnv(FNV_BASIS, s));
    }

    private static final int FNV_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int BEGIN_STATE = fnv(FNV_BASIS, BEGIN + " ");
    private static final String END_SUFFIX = " " + END;

    /** The FNV-1a state after reading {@code s} from state {@code h}. */
    private static int fnv(int h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** The FNV-1a state after reading {@code s[from, to)} from state {@code h}. */
    private static int fnv(int h, char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            h ^= s[i];
            h *= FNV_PRIME;
        }
        return h;
    }

    private static int fnv(int h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** The final step of {@link #hash}. */
    private static int mix(int h) {
        return h ^ (h >>> 15);
    }
}
