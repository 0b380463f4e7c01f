package org.wirecopy.cli;

import org.wirecopy.features.FeatureConfig;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.train.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training options shared by train, cross-validate and baselines. With {@code --config}, the file's values are the
 * base and only options given on the command line override them.
 */
final class TrainingOptions {

    private static final TrainingConfig D = TrainingConfig.defaults();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--seed", paramLabel = "N", description = "Root random seed. Default: ${DEFAULT-VALUE}.")
    long seed = D.seed();

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs = D.epochs();

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better dev macro-F1. Default: ${DEFAULT-VALUE}.")
    int patience = D.patience();

    @Option(names = "--batch-size", paramLabel = "N", description = "Articles per mini-batch. Default: ${DEFAULT-VALUE}.")
    int batchSize = D.batchSize();

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate = D.learningRate();

    @Option(names = "--l2", paramLabel = "X", description = "L2 weight penalty. Default: ${DEFAULT-VALUE}.")
    double l2 = D.l2();

    @Option(names = "--crop", paramLabel = "P",
            description = "Chance per article and epoch of training on a random part of it. Default: ${DEFAULT-VALUE}.")
    double crop = D.cropProbability();

    @Option(names = "--markup", paramLabel = "P",
            description = "Chance per article and epoch of simulating a web page's markup (blockquotes around "
                    + "pasted copy, headings, links, captions, page signals), so that HTML input's markup counts. "
                    + "Default: ${DEFAULT-VALUE}.")
    double markup = D.markupProbability();

    @Option(names = "--page", paramLabel = "P",
            description = "Chance, for an article given markup, of also placing whole-page furniture from "
                    + "--furniture around it. Default: ${DEFAULT-VALUE}.")
    double page = D.pageProbability();

    @Option(names = "--temperature", paramLabel = "T",
            description = "Softmax temperature: 0 fits it on the dev data (1 without dev data), any other value in "
                    + "(0, 10] is used as given. Default: ${DEFAULT-VALUE}.")
    double temperature = D.temperature();

    @Option(names = "--ensemble", paramLabel = "N",
            description = "Networks to train with seeds SEED, SEED+1, ... and ship as one model that averages them "
                    + "(a seed ensemble: steadier and usually more accurate; classification time grows with N). "
                    + "The bundled model has 3. Default: ${DEFAULT-VALUE}.")
    int ensemble = D.ensemble();

    @Option(names = "--gradient-clip", paramLabel = "NORM",
            description = "Scale each layer's gradient down to this L2 norm when it is larger (steadies training on "
                    + "long articles); 0 turns clipping off. Default: ${DEFAULT-VALUE}.")
    double gradientClip = D.gradientClip();

    @Option(names = "--fit-thresholds", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "After training, fit the decision rule on the dev data for macro-F1 (with two labels a "
                    + "threshold on the second label's score, with more a bias per label) and store it in the model, "
                    + "which then labels by it (classify, evaluate, serve); the scores are unchanged. Helps when the "
                    + "label shares of the training data differ from those of the data to label. Needs --dev. Not "
                    + "classify --thresholds, which only flags uncertain paragraphs. Default: ${DEFAULT-VALUE}.")
    boolean fitThresholds;

    @Option(names = "--architecture", paramLabel = "ARCH",
            description = "Network: BILSTM (sequence over the article's paragraphs) or MLP (per paragraph). "
                    + "Default: ${DEFAULT-VALUE}.")
    Architecture architecture = D.network().architecture();

    @Option(names = "--hidden", paramLabel = "N", description = "Paragraph encoding size. Default: ${DEFAULT-VALUE}.")
    int hidden = D.network().hidden();

    @Option(names = "--recurrent", paramLabel = "N", description = "LSTM size per direction. Default: ${DEFAULT-VALUE}.")
    int recurrent = D.network().recurrent();

    @Option(names = "--input-dropout", paramLabel = "P", description = "Input dropout. Default: ${DEFAULT-VALUE}.")
    double inputDropout = D.network().inputDropout();

    @Option(names = "--dropout", paramLabel = "P",
            description = "Dropout before the output layer. Default: ${DEFAULT-VALUE}.")
    double dropout = D.network().dropout();

    @Option(names = "--hash-bits", paramLabel = "N", description = "log2 of n-gram buckets. Default: ${DEFAULT-VALUE}.")
    int hashBits = D.features().hashBits();

    @Option(names = "--ngrams", paramLabel = "N", description = "Longest word n-gram; 0 for no n-gram features. Default: ${DEFAULT-VALUE}.")
    int ngrams = D.features().maxNgram();

    @Option(names = "--window", paramLabel = "N",
            description = "Neighbours on each side whose cues are copied in. Default: ${DEFAULT-VALUE}.")
    int window = D.features().window();

    @Option(names = "--contrast", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add each cue's difference from its article mean (--no-contrast to leave out). "
                    + "Default: ${DEFAULT-VALUE}.")
    boolean contrast;

    @Option(names = "--typography", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Read whether a paragraph's quotation marks are curly or straight, against its article "
                    + "(feature set v4; --no-typography for v2: the marks alone of a dataset of single sentences say "
                    + "where it was collected, not who wrote them). Default: ${DEFAULT-VALUE}.")
    boolean typography;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Run this sentence encoder on every paragraph and feed its embedding to the network "
                    + "(accurate mode, about 100 paragraphs/s): minilm (all-MiniLM-L6-v2, 384 values; needs the "
                    + "langchain4j MiniLM jar and ONNX Runtime, which target/lib has). Recorded in the model, so "
                    + "classify and evaluate run it too. Default: none.")
    String encoder;

    private boolean given(String name) {
        return mixee.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** The configuration: {@code base} (from --config, or the defaults) with the options given here on top. */
    TrainingConfig resolve(TrainingConfig base) {
        TrainingConfig b = base == null ? D : base;
        FeatureConfig f = b.features();
        if (given("--hash-bits")) f = f.withHashBits(hashBits);
        if (given("--ngrams")) f = f.withMaxNgram(ngrams);
        if (given("--window")) f = f.withWindow(window);
        if (given("--contrast") || given("--no-contrast")) f = f.withContrast(contrast);
        if (given("--encoder")) f = f.withEncoder(encoder);
        if (given("--typography") || given("--no-typography")) {
            if (typography && FeatureConfig.V1.equals(f.version())) {
                throw new IllegalArgumentException("--typography needs feature set " + FeatureConfig.V2
                        + " or later; the configuration asks for " + f.version());
            }
            boolean plain = FeatureConfig.V2.equals(f.version()) || FeatureConfig.V4.equals(f.version());
            if (plain) f = f.withVersion(typography ? FeatureConfig.V4 : FeatureConfig.V2);
        }
        NetworkConfig n = b.network();
        if (given("--architecture")) n = n.withArchitecture(architecture);
        if (given("--hidden")) n = n.withHidden(hidden);
        if (given("--recurrent")) n = n.withRecurrent(recurrent);
        if (given("--input-dropout") || given("--dropout")) {
            n = n.withDropout(given("--input-dropout") ? inputDropout : n.inputDropout(),
                    given("--dropout") ? dropout : n.dropout());
        }
        TrainingConfig.Builder t = b.toBuilder().features(f).network(n);
        if (given("--seed")) t.seed(seed);
        if (given("--epochs")) t.epochs(epochs);
        if (given("--patience")) t.patience(patience);
        if (given("--batch-size")) t.batchSize(batchSize);
        if (given("--learning-rate")) t.learningRate(learningRate);
        if (given("--l2")) t.l2(l2);
        if (given("--crop")) t.cropProbability(crop);
        if (given("--markup")) t.markupProbability(markup);
        if (given("--page")) t.pageProbability(page);
        if (given("--temperature")) t.temperature(temperature);
        if (given("--ensemble")) t.ensemble(ensemble);
        if (given("--gradient-clip")) t.gradientClip(gradientClip);
        if (given("--fit-thresholds") || given("--no-fit-thresholds")) t.fitThresholds(fitThresholds);
        return t.build();
    }
}
