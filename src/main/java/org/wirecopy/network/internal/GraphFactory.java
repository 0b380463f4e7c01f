package org.wirecopy.network.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.network.NetworkWeights;
import org.wirecopy.network.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the Deeplearning4j graph for a {@link NetworkConfig} and moves parameters in and out of it.
 *
 * <p>Stateless: its methods may be called from any thread, each on its own graph (a Deeplearning4j
 * {@code ComputationGraph} is not thread-safe).
 */
public final class GraphFactory {

    /** Graph vertex names; parameters are named {@code <vertex>_<param>}, e.g. {@code enc_W}. */
    static final String INPUT = "in";

    private GraphFactory() {
    }

    /**
     * The graph configuration as Deeplearning4j's JSON, which a model's provenance records.
     *
     * @param net          the network's shape
     * @param inputSize    the dimension of the paragraph input vectors
     * @param labels       the number of labels
     * @param seed         the seed of the weight initialisation
     * @param learningRate Adam's learning rate
     * @param l2           the L2 penalty
     * @param gradientClip the per-layer L2 norm gradients are clipped to, or 0 for none
     * @return the configuration in Deeplearning4j's JSON form
     */
    public static String configurationJson(NetworkConfig net, int inputSize, int labels, long seed,
                                           double learningRate, double l2, double gradientClip) {
        return configuration(net, inputSize, labels, seed, learningRate, l2, gradientClip).toJson();
    }

    /**
     * The graph configuration (not initialised); a positive {@code gradientClip} scales each layer's gradient down to
     * that L2 norm when it is larger.
     */
    static ComputationGraphConfiguration configuration(NetworkConfig net, int inputSize, int labels, long seed,
                                                       double learningRate, double l2, double gradientClip) {
        var nb = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .l2(l2);
        if (gradientClip > 0) {
            nb.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(gradientClip);
        }
        var gb = nb
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.recurrent(inputSize));
        DenseLayer.Builder enc = new DenseLayer.Builder().nIn(inputSize).nOut(net.hidden()).activation(Activation.RELU);
        if (net.inputDropout() > 0) enc.dropOut(1.0 - net.inputDropout());
        gb.addLayer("enc", enc.build(), INPUT);
        int merged = net.hidden();
        String outputInput;
        if (net.architecture() == Architecture.BILSTM) {
            gb.addVertex("encSeq", new PreprocessorVertex(new FeedForwardToRnnPreProcessor()), "enc");
            gb.addLayer("fwd", new LSTM.Builder().nIn(net.hidden()).nOut(net.recurrent())
                    .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).build(), "encSeq");
            gb.addVertex("rev", new ReverseTimeSeriesVertex(INPUT), "encSeq");
            gb.addLayer("bwd", new LSTM.Builder().nIn(net.hidden()).nOut(net.recurrent())
                    .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).build(), "rev");
            gb.addVertex("bwdSeq", new ReverseTimeSeriesVertex(INPUT), "bwd");
            gb.addVertex("merge", new MergeVertex(), "encSeq", "fwd", "bwdSeq");
            merged += 2 * net.recurrent();
            outputInput = "merge";
        } else {
            outputInput = "enc";
        }
        RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(merged).nOut(labels).activation(Activation.SOFTMAX);
        if (net.dropout() > 0) out.dropOut(1.0 - net.dropout());
        gb.addLayer("out", out.build(), outputInput);
        gb.setOutputs("out");
        return gb.build();
    }

    /** A new initialised graph, without gradient clipping. */
    public static ComputationGraph create(NetworkConfig net, int inputSize, int labels, long seed,
                                          double learningRate, double l2) {
        return create(net, inputSize, labels, seed, learningRate, l2, 0);
    }

    /** A new initialised graph whose training clips each layer's gradient to {@code gradientClip} (0: no clipping). */
    static ComputationGraph create(NetworkConfig net, int inputSize, int labels, long seed,
                                          double learningRate, double l2, double gradientClip) {
        ComputationGraph g = new ComputationGraph(configuration(net, inputSize, labels, seed, learningRate, l2,
                gradientClip));
        g.init();
        return g;
    }

    /** The graph's parameters as named row-major tensors (biases as rank 1). */
    public static NetworkWeights export(ComputationGraph graph) {
        List<Tensor> out = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            INDArray a = e.getValue();
            float[] data = a.dup('c').data().asFloat();
            long[] s = a.shape();
            int[] shape = (s.length == 2 && s[0] == 1 && e.getKey().endsWith("_b"))
                    ? new int[]{(int) s[1]}
                    : toInt(s);
            out.add(new Tensor(e.getKey(), shape, data));
        }
        return new NetworkWeights(out);
    }

    /** Sets the graph's parameters from named tensors; every parameter of the graph must be present. */
    static void load(ComputationGraph graph, NetworkWeights weights) {
        for (Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            Tensor t = weights.get(e.getKey());
            INDArray target = e.getValue();
            if (t.data().length != target.length()) {
                throw new IllegalArgumentException("tensor " + t.name() + " has " + t.data().length
                        + " values, the network needs " + target.length());
            }
            INDArray src = Nd4j.create(t.data(), target.shape(), 'c');
            graph.setParam(e.getKey(), src);
        }
    }

    private static int[] toInt(long[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) r[i] = (int) s[i];
        return r;
    }
}
