package org.wirecopy.baseline;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.CrossValidator;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.eval.Folds;
import org.wirecopy.eval.Learner;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.network.Architecture;
import org.wirecopy.train.NetworkLearner;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {

    @Test
    void eachBaselineLabelsEveryParagraphWithScoresThatSumToOne() throws Exception {
        Corpus c = TestData.tinyCorpus();
        FeatureConfig f = FeatureConfig.defaults().withHashBits(10);
        for (Learner l : List.of(new MajorityBaseline(), new CueRulesBaseline(), new NaiveBayesBaseline(f, 1.0),
                new LogisticRegressionBaseline(f, 20, 0.1, 1e-6, 1))) {
            ArticleLabeller m = l.train(c);
            Evaluation e = Evaluator.evaluate(m, c);
            assertEquals(c.paragraphCount(), e.paragraphs(), l.name());
            for (var a : e.articles()) {
                for (var p : a.predicted().paragraphs()) {
                    assertEquals(1.0, p.scores().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
                }
            }
        }
    }

    @Test
    void majorityPredictsTheCommonestLabelAndLearnersFitTheirTrainingData() throws Exception {
        Corpus c = TestData.tinyCorpus();
        Evaluation maj = Evaluator.evaluate(new MajorityBaseline().train(c), c);
        assertEquals(c.labelCounts().get("COMMENTARY") / (double) c.paragraphCount(), maj.accuracy(), 1e-12);
        FeatureConfig f = FeatureConfig.defaults().withHashBits(10);
        assertTrue(Evaluator.evaluate(new NaiveBayesBaseline(f, 1.0).train(c), c).accuracy() > 0.9);
        assertTrue(Evaluator.evaluate(new LogisticRegressionBaseline(f, 20, 0.1, 1e-6, 1).train(c), c).accuracy() > 0.9);
        assertTrue(Evaluator.evaluate(new CueRulesBaseline().train(c), c).accuracy() > 0.6);
    }

    @Test
    void sameConfigurationAndSeedGiveTheSameCrossValidationFigures() throws Exception {
        Corpus c = TestData.tinyCorpus();
        Folds folds = Folds.of(c, 3, 5);
        NetworkLearner net = new NetworkLearner(TestData.smallConfig(Architecture.BILSTM, 9), 0.0);
        CrossValidation a = CrossValidator.run(net, c, folds);
        CrossValidation b = CrossValidator.run(net, c, Folds.of(c, 3, 5));
        assertEquals(a.summary(), b.summary());
        LogisticRegressionBaseline lr = new LogisticRegressionBaseline(FeatureConfig.defaults().withHashBits(10),
                5, 0.1, 1e-6, 3);
        assertEquals(CrossValidator.run(lr, c, folds).summary(), CrossValidator.run(lr, c, folds).summary());
    }
}
