package org.wirecopy.eval;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every figure against values worked out by hand. */
class EvaluationTest {

    static final List<String> L = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    /** A paragraph of {@code len} chars predicted {@code label} with the given scores (R, C, B). */
    static ClassifiedParagraph p(int i, int len, double r, double c, double b) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("REPORTING", r);
        s.put("COMMENTARY", c);
        s.put("BOILERPLATE", b);
        String label = r >= c && r >= b ? "REPORTING" : c >= b ? "COMMENTARY" : "BOILERPLATE";
        return new ClassifiedParagraph(i, "x".repeat(len), 0, len, label, s);
    }

    static ArticleOutcome article(String id, List<String> gold, ClassifiedParagraph... ps) {
        return new ArticleOutcome(id, Map.of("style", id.substring(0, 1)), gold,
                new ClassifiedArticle(L, List.of(ps)));
    }

    /**
     * Gold R R C C C B; predicted R C C C R C (BOILERPLATE never predicted).
     * Article a: gold R R C, pred R(0.9) C(0.6) C(0.8), lengths 10 10 20.
     * Article b: gold C C B, pred C(0.7) R(0.55) C(0.5), lengths 10 30 10.
     */
    static Evaluation sample() {
        List<ArticleOutcome> list = new ArrayList<>();
        list.add(article("a1", List.of("REPORTING", "REPORTING", "COMMENTARY"),
                p(0, 10, 0.9, 0.05, 0.05), p(1, 10, 0.3, 0.6, 0.1), p(2, 20, 0.1, 0.8, 0.1)));
        list.add(article("b1", List.of("COMMENTARY", "COMMENTARY", "BOILERPLATE"),
                p(0, 10, 0.2, 0.7, 0.1), p(1, 30, 0.55, 0.4, 0.05), p(2, 10, 0.2, 0.5, 0.3)));
        return new Evaluation(L, list);
    }

    @Test
    void paragraphFiguresMatchHandComputedValues() {
        Evaluation e = sample();
        assertEquals(6, e.paragraphs());
        assertEquals(3 / 6.0, e.accuracy(), 1e-12);
        // REPORTING: tp 1, predicted 2, gold 2 -> P 0.5, R 0.5, F1 0.5
        assertEquals(0.5, e.precision("REPORTING"), 1e-12);
        assertEquals(0.5, e.recall("REPORTING"), 1e-12);
        assertEquals(0.5, e.f1("REPORTING"), 1e-12);
        // COMMENTARY: tp 2, predicted 4, gold 3 -> P 0.5, R 2/3, F1 4/7
        assertEquals(0.5, e.precision("COMMENTARY"), 1e-12);
        assertEquals(2 / 3.0, e.recall("COMMENTARY"), 1e-12);
        assertEquals(4 / 7.0, e.f1("COMMENTARY"), 1e-12);
        // BOILERPLATE: never predicted -> precision 0 (zero division), recall 0, F1 0
        assertEquals(0, e.predicted("BOILERPLATE"));
        assertEquals(0.0, e.precision("BOILERPLATE"));
        assertEquals(0.0, e.f1("BOILERPLATE"));
        assertEquals((0.5 + 4 / 7.0 + 0) / 3, e.macroF1(), 1e-12);
        assertEquals(e.accuracy(), e.microF1(), 1e-12);
        long[][] cm = e.confusion();
        assertEquals(1, cm[0][0]);
        assertEquals(1, cm[0][1]);
        assertEquals(1, cm[1][0]);
        assertEquals(2, cm[1][1]);
        assertEquals(1, cm[2][1]);
    }

    @Test
    void calibrationErrorIsTheBinWeightedGap() {
        // top scores 0.9 (right), 0.6 (wrong), 0.8 (right), 0.7 (right), 0.55 (wrong), 0.5 (wrong)
        // bins: [0.5,0.6): 0.55 w, 0.5 w -> conf 0.525 acc 0; [0.6,0.7): 0.6 w -> 0.6 vs 0;
        //       [0.7,0.8): 0.7 r -> 0.7 vs 1; [0.8,0.9): 0.8 r; [0.9,1]: 0.9 r
        double ece = (2 * 0.525 + 0.6 + 0.3 + 0.2 + 0.1) / 6;
        assertEquals(ece, sample().expectedCalibrationError(), 1e-12);
    }

    @Test
    void precisionRecallAucOfOneLabel() {
        // REPORTING scores, descending: 0.9 (gold R), 0.55 (C), 0.3 (R), 0.2 (C), 0.2 (B), 0.1 (C)
        // steps: recall 0.5 at precision 1; recall 1.0 at precision 2/3 -> AP = 0.5*1 + 0.5*2/3
        assertEquals(0.5 + 0.5 * 2 / 3.0, sample().prAuc("REPORTING"), 1e-12);
        assertEquals(0.0, new Evaluation(L, List.of(article("c1", List.of("COMMENTARY"),
                p(0, 5, 0.1, 0.8, 0.1)))).prAuc("REPORTING"));
    }

    @Test
    void articleFiguresMatchHandComputedValues() {
        Evaluation e = sample();
        assertEquals(0.0, e.articlesAllRight());
        // a1: gold REPORTING chars 20 of 40 (0.5), predicted 10 of 40 (0.25) -> 0.25
        // b1: gold 0 of 50, predicted 30 of 50 (0.6) -> 0.6
        assertEquals((0.25 + 0.6) / 2, e.shareError("REPORTING"), 1e-12);
        assertEquals(2, e.by("style").size());
        assertEquals(1.0 / 3, e.by("style").get("b").accuracy(), 1e-12);
    }

    @Test
    void crossValidationMeanAndStandardDeviation() {
        Evaluation a = sample();
        Evaluation b = new Evaluation(L, List.of(article("c1", List.of("COMMENTARY"), p(0, 5, 0.1, 0.8, 0.1))));
        Map<String, Integer> assign = new LinkedHashMap<>();
        assign.put("a1", 0);
        assign.put("b1", 0);
        assign.put("c1", 1);
        CrossValidation cv = new CrossValidation("x", new Folds(2, 1, assign), List.of(a, b));
        assertEquals((0.5 + 1.0) / 2, cv.mean(Evaluation::accuracy), 1e-12);
        assertEquals(Math.sqrt(2 * 0.25 * 0.25), cv.std(Evaluation::accuracy), 1e-12);
        assertEquals(7, cv.pooled().paragraphs());
    }
}
