package org.wirecopy.network.internal;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.wirecopy.features.SparseVector;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.network.NetworkWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Fits the Deeplearning4j graph on articles given as sequences of sparse paragraph vectors. Mini-batches of articles
 * are padded to their longest article and masked, so padding never reaches the loss. After every epoch a caller-given
 * function scores the current weights (e.g. macro-F1 on a dev set); the best epoch's weights are returned, and training
 * stops after {@code patience} epochs without improvement.
 *
 * <p>Not thread-safe; one instance per training run.
 */
public final class SequenceTrainer {

    /**
     * One training article: an input vector and a label index per paragraph. The inputs are copied in, as are the
     * labels; {@code labels()} returns the record's own array (read in the training loop), so a sequence is safe to
     * share between threads as long as nobody writes to that array.
     */
    public record Sequence(List<SparseVector> inputs, int[] labels) {
        public Sequence {
            inputs = List.copyOf(inputs);
            labels = labels.clone();
            if (inputs.size() != labels.length) throw new IllegalArgumentException("inputs and labels differ in length");
            if (inputs.isEmpty()) throw new IllegalArgumentException("empty sequence");
        }
    }

    /** Optimisation settings; {@code gradientClip} 0 means no clipping. Immutable and thread-safe. */
    public record Options(int epochs, int batchSize, double learningRate, double l2, long seed, int patience,
                          double gradientClip) {
    }

    /** What happened in one epoch. Immutable and thread-safe. */
    public record Epoch(int epoch, double loss, double score) {
    }

    /**
     * The outcome: the best weights, the epoch they come from and the history. Immutable and thread-safe as the
     * trainer makes it (the history is an unmodifiable copy).
     */
    public record Result(NetworkWeights weights, int bestEpoch, double bestScore, List<Epoch> history) {
    }

    /** Progress callback, told after each epoch, on the training thread; it need not be thread-safe. */
    public interface Listener {
        void epochDone(Epoch epoch);
    }

    private final NetworkConfig net;
    private final int inputSize;
    private final int labels;
    private final Options options;

    public SequenceTrainer(NetworkConfig net, int inputSize, int labels, Options options) {
        this.net = net;
        this.inputSize = inputSize;
        this.labels = labels;
        this.options = options;
    }

    /**
     * Trains on {@code data}.
     *
     * @param scorer scores candidate weights after each epoch, higher is better
     */
    /**
     * Trains on data that may differ per epoch (e.g. augmented), given by {@code epochData} for epochs 1, 2, ...
     *
     * @param scorer scores candidate weights after each epoch, higher is better
     */
    public Result train(java.util.function.IntFunction<List<Sequence>> epochData,
                        ToDoubleFunction<NetworkWeights> scorer, Listener listener) {
        Random seeds = new Random(options.seed());
        long graphSeed = seeds.nextLong();
        Random shuffle = new Random(seeds.nextLong());
        Nd4j.getRandom().setSeed(seeds.nextLong());
        ComputationGraph graph = GraphFactory.create(net, inputSize, labels, graphSeed, options.learningRate(),
                options.l2(), options.gradientClip());
        List<Epoch> history = new ArrayList<>();
        NetworkWeights best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = -1;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            List<List<Sequence>> batches = batches(epochData.apply(epoch), shuffle);
            double lossSum = 0;
            for (List<Sequence> batch : batches) {
                graph.fit(toDataSet(batch));
                lossSum += graph.score();
            }
            NetworkWeights weights = GraphFactory.export(graph);
            double score = scorer.applyAsDouble(weights);
            Epoch e = new Epoch(epoch, lossSum / Math.max(1, batches.size()), score);
            history.add(e);
            if (listener != null) listener.epochDone(e);
            if (score > bestScore) {
                bestScore = score;
                best = weights;
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= options.patience()) {
                break;
            }
        }
        return new Result(best, bestEpoch, bestScore, List.copyOf(history));
    }

    /**
     * Shuffles the sequences, groups them into mini-batches of similar length (sorted by length within windows of
     * 8 batches, so little time is spent on padding) and shuffles the batch order.
     */
    private List<List<Sequence>> batches(List<Sequence> data, Random shuffle) {
        List<Sequence> order = new ArrayList<>(data);
        Collections.shuffle(order, shuffle);
        int size = options.batchSize();
        int window = size * 8;
        List<List<Sequence>> out = new ArrayList<>();
        for (int w = 0; w < order.size(); w += window) {
            List<Sequence> chunk = new ArrayList<>(order.subList(w, Math.min(order.size(), w + window)));
            chunk.sort(java.util.Comparator.comparingInt(q -> q.labels().length));
            for (int s = 0; s < chunk.size(); s += size) {
                out.add(List.copyOf(chunk.subList(s, Math.min(chunk.size(), s + size))));
            }
        }
        Collections.shuffle(out, shuffle);
        return out;
    }

    private MultiDataSet toDataSet(List<Sequence> batch) {
        int mb = batch.size();
        int t = 0;
        for (Sequence s : batch) t = Math.max(t, s.labels().length);
        // zeros, then only the non-zero inputs are written: inputs are sparse
        INDArray features = Nd4j.create(DataType.FLOAT, mb, inputSize, t);
        org.nd4j.linalg.api.buffer.DataBuffer x = features.data();
        float[] y = new float[mb * labels * t];
        float[] mask = new float[mb * t];
        for (int b = 0; b < mb; b++) {
            Sequence s = batch.get(b);
            for (int i = 0; i < s.labels().length; i++) {
                SparseVector v = s.inputs().get(i);
                for (int k = 0; k < v.size(); k++) {
                    // layout [mb, inputSize, t], row-major
                    x.put(((long) b * inputSize + v.indexAt(k)) * t + i, v.valueAt(k));
                }
                y[(b * labels + s.labels()[i]) * t + i] = 1f;
                mask[b * t + i] = 1f;
            }
        }
        INDArray labelsArr = Nd4j.create(y, new long[]{mb, labels, t}, 'c');
        INDArray maskArr = Nd4j.create(mask, new long[]{mb, t}, 'c');
        return new MultiDataSet(new INDArray[]{features}, new INDArray[]{labelsArr},
                new INDArray[]{maskArr}, new INDArray[]{maskArr});
    }

    /** Runs the DL4J graph forward on one article (for checking the plain-Java forward pass against it). */
    public static float[][] dl4jScores(NetworkConfig net, NetworkWeights weights, int inputSize, int labels,
                                       List<SparseVector> article) {
        ComputationGraph graph = GraphFactory.create(net, inputSize, labels, 0L, 1e-3, 0);
        GraphFactory.load(graph, weights);
        int t = article.size();
        float[] x = new float[inputSize * t];
        for (int i = 0; i < t; i++) {
            SparseVector v = article.get(i);
            for (int k = 0; k < v.size(); k++) x[v.indexAt(k) * t + i] = v.valueAt(k);
        }
        INDArray out = graph.outputSingle(Nd4j.create(x, new long[]{1, inputSize, t}, 'c'));
        float[][] r = new float[t][labels];
        for (int i = 0; i < t; i++) for (int j = 0; j < labels; j++) r[i][j] = out.getFloat(0, j, i);
        return r;
    }
}
