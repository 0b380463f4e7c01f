package org.wirecopy;

import org.junit.jupiter.api.Test;
import org.wirecopy.baseline.NaiveBayesBaseline;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.CrossValidator;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.eval.Folds;
import org.wirecopy.eval.MappedLabeller;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.model.Model;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public benchmarks of docs/benchmarks.md, run on ../shared/data (skipped with a message when it is absent).
 * Floors sit a little under the measured figures, so these fail on regressions, not on noise.
 */
class PublicBenchmarksTest {

    static final Path DATA = TestData.shared().resolve("data");

    static Path need(String relative) {
        Path p = DATA.resolve(relative);
        assumeTrue(Files.exists(p), "../shared/data/" + relative + " is not beside the checkout; benchmark skipped");
        return p;
    }

    static CorpusOptions checkThat() {
        return CorpusOptions.builder().textColumn("sentence").labels(List.of("OBJ", "SUBJ")).build();
    }

    @Test
    void checkThatTrainedThroughTheTsvReaderBeatsAlwaysObjAndFastText() throws Exception {
        Path train = need("checkthat2025-en/train_en.tsv");
        Corpus trainDev = CorpusReader.read(train, checkThat())
                .plus(CorpusReader.read(need("checkthat2025-en/dev_en.tsv"), checkThat()));
        Corpus devTest = CorpusReader.read(need("checkthat2025-en/dev_test_en.tsv"), checkThat());
        Corpus test = CorpusReader.read(need("checkthat2025-en/test_en_labeled.tsv"), checkThat());
        assertEquals(830 + 462, trainDev.paragraphCount());
        assertEquals(300, test.paragraphCount());
        Model m = new Trainer(TrainingConfig.defaults()).train(trainDev, devTest);
        double f1 = Evaluator.evaluate(new Classifier(m), test).macroF1();
        assertTrue(f1 > 0.55, "CheckThat! 2025 test macro-F1 " + f1 + " (always-OBJ 0.417, fastText 0.57)");
    }

    /**
     * Zero-shot, the bundled model is at chance on CheckThat! sentences ("who wrote it" is not "is it subjective"):
     * macro-F1 0.41-0.46 over seeds and configurations, around always-OBJ's 0.417, and the SUBJ PR-AUC about SUBJ's
     * share of the sentences (docs/benchmarks.md). The test keeps the mapped evaluation honest: a broken mapping
     * (everything SUBJ gives 0.22) falls outside this band.
     */
    @Test
    void bundledModelZeroShotOnCheckThatIsNearAlwaysObj() throws Exception {
        Corpus test = CorpusReader.read(need("checkthat2025-en/test_en_labeled.tsv"), checkThat());
        MappedLabeller asObjSubj = new MappedLabeller(Classifier.loadDefault(),
                Map.of("REPORTING", "OBJ", "BOILERPLATE", "OBJ", "COMMENTARY", "SUBJ"));
        Evaluation ev = Evaluator.evaluate(asObjSubj, test);
        assertTrue(ev.macroF1() > 0.37 && ev.macroF1() < 0.52, "zero-shot macro-F1 " + ev.macroF1());
    }

    @Test
    void subjTenFoldCrossValidationOfNaiveBayesMatchesThePublishedFigure() throws Exception {
        Path obj = need("subj-pang-lee-2004/subj.objective");
        Path subj = need("subj-pang-lee-2004/subj.subjective");
        CorpusOptions lines = CorpusOptions.builder().format(CorpusFormat.LINES).charset(StandardCharsets.ISO_8859_1)
                .labels(List.of("OBJ", "SUBJ")).build();
        Corpus c = CorpusReader.read(obj, lines.withDefaultLabel("OBJ"))
                .plus(CorpusReader.read(subj, lines.withDefaultLabel("SUBJ")));
        assertEquals(10_000, c.paragraphCount());
        Folds folds = Folds.of(c, 10, TrainingConfig.DEFAULT_SEED);
        CrossValidation cv = CrossValidator.run(new NaiveBayesBaseline(FeatureConfig.defaults().withHashBits(18), 1.0),
                c, folds);
        double acc = cv.mean(Evaluation::accuracy);
        assertTrue(acc > 0.92, "SUBJ 10-fold accuracy " + acc + " (published multinomial NB about 0.925)");
    }

    @Test
    void reutersIsMostlyReportingAndWebisEditorialsLeanCommentary() throws Exception {
        Corpus reuters = CorpusReader.read(need("reuters-21578/paragraphs.jsonl"), CorpusOptions.builder()
                .idColumn("newid").indexColumn("para_idx").defaultLabel("REPORTING").build());
        Corpus webis = CorpusReader.read(need("webis-editorials-16/paragraphs.jsonl"), CorpusOptions.builder()
                .idColumn("file").indexColumn("para_idx").defaultLabel("COMMENTARY").build());
        Classifier c = Classifier.loadDefault();
        double reportingShare = Evaluator.evaluate(c, reuters).recall("REPORTING");
        double commentaryShare = Evaluator.evaluate(c, webis).recall("COMMENTARY");
        assertTrue(reportingShare > 0.65, "Reuters paragraphs labelled REPORTING: " + reportingShare);
        assertTrue(commentaryShare > 0.38, "Webis editorial paragraphs labelled COMMENTARY: " + commentaryShare);
    }
}
