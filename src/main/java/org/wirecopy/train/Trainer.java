package org.wirecopy.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.SentenceEncoders;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.model.Provenance;
import org.wirecopy.model.Versions;
import org.wirecopy.network.NetworkWeights;
import org.wirecopy.network.internal.GraphFactory;
import org.wirecopy.network.internal.SequenceTrainer;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains a model from a labelled corpus. With a dev corpus, the epoch with the best dev macro-F1 is kept and training
 * stops after {@code patience} epochs without improvement; without one, all epochs run and the last is kept.
 *
 * <p>Reproducible: the same data, configuration and seed give the same weights, bit for bit, when ND4J runs on one
 * thread ({@code OMP_NUM_THREADS=1}); with more threads, float sums may be ordered differently.
 *
 * <p>Not thread-safe: use one instance per training run.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Progress of one epoch, for listeners. Immutable and thread-safe.
     *
     * @param epoch      the epoch just done, from 1
     * @param maxEpochs  the most epochs the run may take
     * @param loss       the epoch's mean training loss
     * @param devMacroF1 the dev macro-F1 of the epoch's weights, NaN without dev data
     */
    public record Progress(int epoch, int maxEpochs, double loss, double devMacroF1) {
    }

    private final TrainingConfig config;
    private Consumer<Progress> listener = p -> { };
    private Furniture furniture = Furniture.NONE;
    private org.wirecopy.features.StaticVectors vectors;
    /** The features' sentence encoder, memoizing; made on first use when the features name one. */
    private SentenceEncoder encoder;

    /**
     * A trainer for {@code config}, with no listener, furniture or vectors.
     *
     * @param config the training configuration; not null
     */
    public Trainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Receives a {@link Progress} after every epoch.
     *
     * @param l the listener, called on the training thread; not null
     * @return this trainer
     */
    public Trainer onProgress(Consumer<Progress> l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    /**
     * Static word vectors for a feature set that has them ({@link org.wirecopy.features.FeatureConfig#V3}).
     *
     * @param v the vectors, or null for a feature set without them
     * @return this trainer
     */
    public Trainer withVectors(org.wirecopy.features.StaticVectors v) {
        this.vectors = v;
        return this;
    }

    /**
     * The sentence encoder of a feature set that has one ({@link org.wirecopy.features.FeatureConfig#encoder()}),
     * instead of the one {@link SentenceEncoders#require} finds. The trainer remembers every embedding it asks for
     * (each distinct paragraph is embedded once per training run, however many epochs and dev evaluations read it).
     *
     * @param e the encoder, or null to find it by name when the features need one
     * @return this trainer
     */
    public Trainer withEncoder(SentenceEncoder e) {
        this.encoder = e == null ? null : SentenceEncoders.memoizing(e);
        return this;
    }

    /** The memoizing encoder of the features, or null when they have none. */
    private SentenceEncoder encoder() {
        if (config.features().encoder() == null) return null;
        if (encoder == null) encoder = SentenceEncoders.memoizing(SentenceEncoders.require(config.features().encoder()));
        return encoder;
    }

    /**
     * Page furniture for whole-page simulation (see {@link TrainingConfig#pageProbability()}).
     *
     * @param f the furniture library; not null ({@link Furniture#NONE} for none)
     * @return this trainer
     */
    public Trainer withFurniture(Furniture f) {
        this.furniture = java.util.Objects.requireNonNull(f);
        return this;
    }

    /**
     * Trains on {@code train}, selecting the epoch on {@code dev} (may be null).
     *
     * @param train labelled training articles, every paragraph labelled
     * @param dev   labelled dev articles, or null to run every epoch and keep the last
     * @return the trained model, with its provenance
     * @throws IllegalArgumentException when the data cannot train a model (fewer than two labels, dev labels unknown
     *                                  to the training data), with the fix in the message
     */
    public Model train(Corpus train, Corpus dev) {
        if (config.fitThresholds() && dev == null) {
            throw new IllegalArgumentException("fitThresholds (--fit-thresholds) fits the decision thresholds on dev "
                    + "data, and there is none; give --dev (or data.dev in --config), or leave the option out");
        }
        if (config.ensemble() > 1) return trainEnsemble(train, dev);
        List<String> labels = train.labels();
        if (labels.size() < 2) {
            throw new IllegalArgumentException(train.name() + ": training needs at least two labels, found " + labels
                    + "; check the label column and the label mapping");
        }
        for (LabelledArticle a : train.articles()) {
            for (int i = 0; i < a.paragraphs().size(); i++) {
                if (a.paragraphs().get(i).label() == null) {
                    throw new IllegalArgumentException(a.origin() + ": paragraph " + i + " of article " + a.id()
                            + " has no label; every training paragraph needs one");
                }
            }
        }
        if (dev != null) {
            for (String l : dev.labels()) {
                if (!labels.contains(l)) {
                    throw new IllegalArgumentException(dev.name() + ": dev label '" + l
                            + "' does not occur in the training data " + labels);
                }
            }
        }
        FeatureExtractor fx = new FeatureExtractor(config.features(), vectors, encoder());
        List<LabelledArticle> articles = typed(train.articles(), fx);
        List<SequenceTrainer.Sequence> sequences = new ArrayList<>();
        for (LabelledArticle a : articles) sequences.addAll(toSequences(a, fx, labels));
        long cropSeed = new java.util.Random(config.seed() ^ 0x5DEECE66DL).nextLong();
        LOG.info("training on {} articles, {} paragraphs, labels {}", train.articles().size(),
                train.paragraphCount(), labels);
        SequenceTrainer st = new SequenceTrainer(config.network(), config.features().inputSize(), labels.size(),
                new SequenceTrainer.Options(config.epochs(), config.batchSize(), config.learningRate(), config.l2(),
                        config.seed(), dev == null ? config.epochs() + 1 : config.patience(), config.gradientClip()));
        String configJson = toJson(config);
        String dl4jConf = GraphFactory.configurationJson(config.network(), config.features().inputSize(),
                labels.size(), 0L, config.learningRate(), config.l2(), config.gradientClip());
        int[] epochCounter = {0};
        SequenceTrainer.Result result = st.train(epoch -> epochData(articles, sequences, fx, labels, cropSeed, epoch),
                weights -> {
            epochCounter[0]++;
            if (dev == null) return epochCounter[0];
            return Evaluator.evaluate(classifier(model(labels, weights, dl4jConf, provisional(configJson))), dev)
                    .macroF1();
        }, e -> {
            LOG.debug("epoch {}/{}: loss {} dev macro-F1 {}", e.epoch(), config.epochs(),
                    String.format(java.util.Locale.ROOT, "%.4f", e.loss()),
                    dev == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", e.score()));
            listener.accept(new Progress(e.epoch(), config.epochs(), e.loss(), dev == null ? Double.NaN : e.score()));
        });
        Map<String, Double> devMetrics = new LinkedHashMap<>();
        NetworkWeights weights = result.weights();
        if (dev != null || config.temperature() != 0) {
            double t = config.temperature() != 0 ? config.temperature()
                    : Calibrator.fitTemperature(classifier(model(labels, weights, dl4jConf, provisional(configJson))),
                    dev);
            devMetrics.put("temperature", t);
            weights = Calibrator.scaled(weights, t);
        }
        Model draft = model(labels, weights, dl4jConf, provisional(configJson));
        if (config.fitThresholds()) draft = fitDecision(draft, dev, devMetrics);
        if (dev != null) {
            putDevFigures(devMetrics, classifier(draft), dev);
        }
        String dataName = furniture.groups().isEmpty() ? train.name()
                : train.name() + " + page furniture " + furniture.name() + " (sha256 " + furniture.sha256() + ")";
        Provenance p = new Provenance(Versions.wirecopy(), Versions.dl4j(), Versions.java(), Versions.os(),
                config.seed(), dataName, train.sha256(), train.articles().size(), train.paragraphCount(),
                dev == null ? "" : dev.name(), dev == null ? "" : dev.sha256(), result.bestEpoch(), devMetrics,
                configJson);
        return model(labels, weights, dl4jConf, p).withDecision(draft.decision());
    }

    /**
     * A seed ensemble: the configuration trained {@link TrainingConfig#ensemble()} times with seeds {@code seed},
     * {@code seed + 1}, ... (each member picks its epoch on dev and fits its own temperature), shipped as one model
     * whose scores are the members' mean. Its provenance is the first member's with the ensemble's dev metrics, each
     * member's dev macro-F1 ({@code member<k>.macroF1}) and temperature ({@code member<k>.temperature}).
     */
    private Model trainEnsemble(Corpus train, Corpus dev) {
        int n = config.ensemble();
        List<Model> members = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int done = k * config.epochs();
            TrainingConfig member = config.toBuilder().seed(config.seed() + k).ensemble(1).fitThresholds(false)
                    .build();
            Trainer t = new Trainer(member).withFurniture(furniture).withVectors(vectors)
                    .withMemoizedEncoder(encoder())
                    .onProgress(p -> listener.accept(new Progress(done + p.epoch(), n * config.epochs(), p.loss(),
                            p.devMacroF1())));
            LOG.info("ensemble member {}/{} (seed {})", k + 1, n, member.seed());
            members.add(t.train(train, dev));
        }
        List<NetworkWeights> weights = new ArrayList<>();
        for (Model m : members) weights.add(m.weights());
        Model first = members.get(0);
        Model draft = new Model(first.labels(), first.features(), first.network(), NetworkWeights.ensemble(weights),
                first.dl4jConfiguration(), first.provenance(), first.vectors());
        Map<String, Double> devMetrics = new LinkedHashMap<>();
        if (config.fitThresholds()) draft = fitDecision(draft, dev, devMetrics);
        if (dev != null) {
            putDevFigures(devMetrics, classifier(draft), dev);
        }
        for (int k = 0; k < n; k++) {
            Map<String, Double> m = members.get(k).provenance().devMetrics();
            if (m.containsKey("macroF1")) devMetrics.put("member" + k + ".macroF1", m.get("macroF1"));
            if (m.containsKey("temperature")) devMetrics.put("member" + k + ".temperature", m.get("temperature"));
        }
        Provenance p = first.provenance();
        Provenance ensemble = new Provenance(p.wirecopyVersion(), p.dl4jVersion(), p.javaVersion(), p.os(),
                config.seed(), p.trainingData(), p.trainingDataSha256(), p.trainingArticles(),
                p.trainingParagraphs(), p.devData(), p.devDataSha256(), p.bestEpoch(), devMetrics, toJson(config));
        return new Model(first.labels(), first.features(), first.network(), draft.weights(),
                first.dl4jConfiguration(), ensemble, first.vectors(), draft.decision());
    }

    /**
     * {@code draft} with decision biases fitted on {@code dev} ({@link DecisionFitter}); records in {@code devMetrics}
     * the dev macro-F1 by the highest score ({@code macroF1.argmax}), the cross-fitted estimate of the macro-F1 with
     * biases ({@code macroF1.crossFitted}, when dev has at least 5 articles), each label's bias ({@code bias.<label>}) and,
     * with two labels, the threshold on the second label's score ({@code threshold.<label>}).
     */
    private Model fitDecision(Model draft, Corpus dev, Map<String, Double> devMetrics) {
        DecisionFitter.Fit fit = DecisionFitter.fit(classifier(draft), dev);
        List<String> labels = draft.labels();
        devMetrics.put("macroF1.argmax", fit.before());
        if (!Double.isNaN(fit.crossFitted())) devMetrics.put("macroF1.crossFitted", fit.crossFitted());
        for (int j = 0; j < labels.size(); j++) devMetrics.put("bias." + labels.get(j), fit.biases().biases().get(j));
        if (labels.size() == 2) devMetrics.put("threshold." + labels.get(1), fit.biases().threshold());
        LOG.info("decision biases fitted on dev: {} (dev macro-F1 {} by the highest score, {} with them, {} "
                + "cross-fitted)", fit.biases().biases(), fit.before(), fit.after(), fit.crossFitted());
        return draft.withDecision(fit.biases());
    }

    /** Shares an encoder that already memoizes (an ensemble's members share their leader's). */
    private Trainer withMemoizedEncoder(SentenceEncoder memoizing) {
        this.encoder = memoizing;
        return this;
    }

    /**
     * A classifier of a draft model that reads the run's memoizing encoder, with the exact activations (Deeplearning4j's
     * arithmetic): the epoch chosen on dev, the fitted temperature and thresholds and the recorded dev figures are
     * what they were before classifiers served with the rational ones, so a retrained model is the same file.
     */
    private Classifier classifier(Model m) {
        return new Classifier(m, encoder()).withActivations(org.wirecopy.network.ActivationKernel.EXACT);
    }

    /** The dev figures recorded in a model's provenance: accuracy, macro-F1 and F1 per label. */
    private static void putDevFigures(Map<String, Double> devMetrics, Classifier draft, Corpus dev) {
        Evaluation ev = Evaluator.evaluate(draft, dev);
        devMetrics.put("accuracy", ev.accuracy());
        devMetrics.put("macroF1", ev.macroF1());
        for (String l : draft.model().labels()) devMetrics.put("f1." + l, ev.f1(l));
    }

    private Model model(List<String> labels, NetworkWeights weights, String dl4jConf, Provenance p) {
        return new Model(labels, config.features(), config.network(), weights, dl4jConf, p,
                config.features().vectorDims() > 0 ? vectors : null);
    }

    private Provenance provisional(String configJson) {
        return new Provenance(Versions.wirecopy(), Versions.dl4j(), Versions.java(), Versions.os(), config.seed(),
                "", "", 0, 0, "", "", 0, Map.of(), configJson);
    }

    /**
     * One epoch's training sequences: each article whole, or with probability {@code cropProbability} a random
     * contiguous part of it (at least two paragraphs), its features computed as if it were the whole article; and
     * with probability {@code markupProbability} as a simulated web page (see {@link PageSimulator}).
     */
    /**
     * The training articles with the typography of real sites ({@link TypographySimulator}), drawn once per article
     * from the run's seed, when the features read typography; else the articles themselves.
     */
    private List<LabelledArticle> typed(List<LabelledArticle> articles, FeatureExtractor fx) {
        if (!fx.config().typographyCues()) return articles;
        TypographySimulator t = new TypographySimulator(new java.util.Random(config.seed() ^ 0x7E9061L));
        List<LabelledArticle> out = new ArrayList<>(articles.size());
        for (LabelledArticle a : articles) out.add(t.type(a));
        return out;
    }

    private List<SequenceTrainer.Sequence> epochData(List<LabelledArticle> articles, List<SequenceTrainer.Sequence> whole,
                                                     FeatureExtractor fx, List<String> labels, long seed, int epoch) {
        double crop = config.cropProbability();
        double markup = labels.contains("REPORTING") && labels.contains("BOILERPLATE")
                && fx.config().markupCues() ? config.markupProbability() : 0;
        if (crop == 0 && markup == 0) return whole;
        java.util.Random r = new java.util.Random(seed * 31 + epoch);
        PageSimulator pages = new PageSimulator(furniture, r);
        List<SequenceTrainer.Sequence> out = new ArrayList<>();
        int k = 0;
        for (LabelledArticle a : articles) {
            int n = a.paragraphs().size();
            int chunks = (n + CHUNK - 1) / CHUNK;
            boolean cropped = n >= 3 && r.nextDouble() < crop;
            boolean marked = markup > 0 && r.nextDouble() < markup;
            LabelledArticle use = a;
            if (cropped) {
                int len = 2 + r.nextInt(n - 2);
                int start = r.nextInt(n - len + 1);
                use = new LabelledArticle(a.id(), a.paragraphs().subList(start, start + len), a.fields(), a.origin());
            }
            if (marked) {
                PageSimulator.Page page = pages.simulate(use, config.pageProbability());
                out.addAll(toSequences(page.paragraphs(), page.labels(), page.signals(), fx, labels));
            } else if (cropped) {
                out.addAll(toSequences(use, fx, labels));
            } else {
                out.addAll(whole.subList(k, k + chunks));
            }
            k += chunks;
        }
        return out;
    }

    private static final int CHUNK = 64;

    static List<SequenceTrainer.Sequence> toSequences(LabelledArticle a, FeatureExtractor fx, List<String> labels) {
        return toSequences(Article.ofParagraphs(a.texts()).paragraphs(), a.labels(), org.wirecopy.text.PageSignals.NONE,
                fx, labels);
    }

    /** Paragraphs and their labels as training sequences: whole when short, else in chunks of at most 64. */
    static List<SequenceTrainer.Sequence> toSequences(List<org.wirecopy.text.Paragraph> ps, List<String> gold,
                                                      org.wirecopy.text.PageSignals page, FeatureExtractor fx,
                                                      List<String> labels) {
        List<SparseVector> inputs = fx.extract(ps, page);
        int[] y = new int[inputs.size()];
        for (int i = 0; i < y.length; i++) y[i] = labels.indexOf(gold.get(i));
        List<SequenceTrainer.Sequence> out = new ArrayList<>();
        for (int s = 0; s < y.length; s += CHUNK) {
            int e = Math.min(y.length, s + CHUNK);
            out.add(new SequenceTrainer.Sequence(inputs.subList(s, e), java.util.Arrays.copyOfRange(y, s, e)));
        }
        return out;
    }

    /**
     * The configuration as JSON (as written into provenance).
     *
     * @param c the configuration
     * @return compact JSON with keys in a fixed order
     */
    public static String toJson(TrainingConfig c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the training configuration", e);
        }
    }
}
