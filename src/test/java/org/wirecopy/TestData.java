package org.wirecopy;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.model.Model;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared fixtures: the tiny test corpus and a small model trained on it (once per JVM). */
public final class TestData {

    private static Model tiny;

    private TestData() {
    }

    /** The project's checkout root (where pom.xml is). */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
        return p;
    }

    /**
     * {@code ../shared} beside the checkout, where evaluation data lives; the system property {@code wirecopy.shared}
     * points elsewhere (a git worktree one level deeper: {@code mvn test -Dwirecopy.shared=/work/shared}).
     */
    public static Path shared() {
        String override = System.getProperty("wirecopy.shared");
        if (override != null && !override.isBlank()) return Path.of(override).toAbsolutePath().normalize();
        return root().resolve("../shared").normalize();
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource("/org/wirecopy/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    public static Corpus tinyCorpus() throws IOException {
        return CorpusReader.read(resource("tiny-corpus.jsonl"), CorpusOptions.defaults());
    }

    /** A configuration small enough to train in a second or two. */
    public static TrainingConfig smallConfig(Architecture arch, long seed) {
        return TrainingConfig.builder()
                .features(FeatureConfig.defaults().withHashBits(10))
                .network(new NetworkConfig(arch, 12, 6, 0.1, 0.1))
                .seed(seed).epochs(25).batchSize(2).learningRate(1e-2).patience(25)
                .build();
    }

    /** A small BiLSTM model fitted to the tiny corpus. */
    public static synchronized Model tinyModel() throws IOException {
        if (tiny == null) {
            tiny = new Trainer(smallConfig(Architecture.BILSTM, 7)).train(tinyCorpus(), null);
        }
        return tiny;
    }

    /**
     * {@link #tinyModel()} with a decision rule as {@code train --fit-thresholds} stores one: a bias of +45 on
     * BOILERPLATE's log-score, so every paragraph is BOILERPLATE whatever its scores, and the dev figures train
     * records with it (invented values: macroF1 0.5, macroF1.argmax 0.875, macroF1.crossFitted 0.4375).
     */
    public static Model decidedTinyModel() throws IOException {
        Model m = tinyModel();
        double[] b = new double[m.labels().size()];
        b[m.labels().indexOf("BOILERPLATE")] = 45;
        org.wirecopy.model.Provenance p = m.provenance();
        java.util.Map<String, Double> dev = new java.util.LinkedHashMap<>(p.devMetrics());
        dev.put("macroF1.argmax", 0.875);
        dev.put("macroF1.crossFitted", 0.4375);
        dev.put("macroF1", 0.5);
        org.wirecopy.model.Provenance withDev = new org.wirecopy.model.Provenance(p.wirecopyVersion(),
                p.dl4jVersion(), p.javaVersion(), p.os(), p.seed(), p.trainingData(), p.trainingDataSha256(),
                p.trainingArticles(), p.trainingParagraphs(), p.devData(), p.devDataSha256(), p.bestEpoch(), dev,
                p.trainingConfig());
        return new Model(m.labels(), m.features(), m.network(), m.weights(), m.dl4jConfiguration(), withDev,
                m.vectors(), org.wirecopy.model.DecisionBiases.of(b));
    }
}
