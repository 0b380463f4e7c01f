package org.wirecopy;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.model.Model;
import org.wirecopy.model.Provenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled default model: present, small, and trained on the training-data/ of this checkout. */
class DefaultModelTest {

    static final Path MODEL = TestData.root().resolve("src/main/resources/org/wirecopy/default-model.zip");

    @Test
    void bundledModelLoadsWithTheStandardLabelsAndFitsInTenMegabytes() throws Exception {
        Model m = Classifier.defaultModel();
        assertEquals(Corpus.STANDARD_LABELS, m.labels());
        long size = Files.size(MODEL);
        assertTrue(size <= 10L * 1024 * 1024, "bundled model is " + size + " bytes");
    }

    @Test
    void bundledModelIsNotStale() throws Exception {
        Provenance p = Classifier.defaultModel().provenance();
        Path data = TestData.root().resolve("training-data");
        Corpus train = CorpusReader.read(data.resolve("train.jsonl"), CorpusOptions.defaults());
        Corpus dev = CorpusReader.read(data.resolve("dev.jsonl"), CorpusOptions.defaults());
        String retrain = "the bundled model was trained on other data than training-data/; retrain it with the "
                + "command in README.md (section 'Retraining the bundled model')";
        assertEquals(train.sha256(), p.trainingDataSha256(), retrain);
        assertEquals(dev.sha256(), p.devDataSha256(), retrain);
        assertEquals(train.articles().size(), p.trainingArticles());
        assertTrue(p.devMetrics().get("macroF1") > 0.85, "dev macro-F1 " + p.devMetrics());
    }

    /**
     * The bundled model, read by this checkout's code (text reading, features, forward pass), must reproduce exactly
     * the dev figures recorded when it was trained: any change of the features or the network arithmetic that the
     * model was not retrained for fails here, even when the data hashes still match.
     */
    @Test
    void bundledModelReproducesTheDevFiguresRecordedInIt() throws Exception {
        Provenance p = Classifier.defaultModel().provenance();
        Corpus dev = CorpusReader.read(TestData.root().resolve("training-data/dev.jsonl"), CorpusOptions.defaults());
        org.wirecopy.eval.Evaluation ev = org.wirecopy.eval.Evaluator.evaluate(Classifier.loadDefault(), dev);
        String stale = "the bundled model no longer gives the dev figures recorded in it: the features or the "
                + "forward pass changed; retrain it (README, 'Retraining the bundled model')";
        assertEquals(p.devMetrics().get("accuracy"), ev.accuracy(), 1e-12, stale);
        assertEquals(p.devMetrics().get("macroF1"), ev.macroF1(), 1e-12, stale);
        for (String l : Corpus.STANDARD_LABELS) assertEquals(p.devMetrics().get("f1." + l), ev.f1(l), 1e-12, stale);
    }

    @Test
    void sampleArticleInTheReadmeIsClassified() throws Exception {
        Path sample = TestData.root().resolve("docs/examples/sample-post.txt");
        var r = Wirecopy.classify(Files.readString(sample));
        assertEquals(11, r.size());
        assertEquals(List.of("REPORTING", "COMMENTARY", "BOILERPLATE"), r.labels());
        assertEquals("COMMENTARY", r.paragraphs().get(0).label(), "the headline");
        assertEquals("BOILERPLATE", r.paragraphs().get(2).label(), "Advertisement");
        assertEquals("REPORTING", r.paragraphs().get(3).label(), "the dateline paragraph");
    }
}
