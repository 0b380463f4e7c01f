package org.wirecopy.eval.report;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.eval.ArticleOutcome;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Folds;
import org.wirecopy.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small evaluations built by hand, with their figures worked out on paper in the comments.
 */
final class ReportFixtures {

    static final List<String> LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    private ReportFixtures() {
    }

    /** One paragraph: its gold label and the scores of REPORTING, COMMENTARY, BOILERPLATE; predicted = top score. */
    record P(String gold, double reporting, double commentary, double boilerplate) {
    }

    static P p(String gold, double r, double c, double b) {
        return new P(gold, r, c, b);
    }

    static ArticleOutcome article(String id, Map<String, String> fields, P... paragraphs) {
        List<ClassifiedParagraph> predicted = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < paragraphs.length; i++) {
            P p = paragraphs[i];
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("REPORTING", p.reporting());
            scores.put("COMMENTARY", p.commentary());
            scores.put("BOILERPLATE", p.boilerplate());
            String top = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String text = id + " paragraph " + i;
            predicted.add(new ClassifiedParagraph(i, text, offset, offset + text.length(), top, scores));
            offset += text.length() + 1;
            gold.add(p.gold());
        }
        return new ArticleOutcome(id, fields, gold, new ClassifiedArticle(LABELS, predicted));
    }

    /**
     * a1: R->R, C->C, C->R, B->B. Accuracy 3/4; REPORTING P 1/2 R 1, COMMENTARY P 1 R 1/2, BOILERPLATE 1.
     */
    static ArticleOutcome a1(Map<String, String> fields) {
        return article("a1", fields,
                p("REPORTING", .9, .08, .02),
                p("COMMENTARY", .1, .8, .1),
                p("COMMENTARY", .6, .3, .1),
                p("BOILERPLATE", .05, .05, .9));
    }

    /** a2: R->R, R->C, C->C, B->B. Accuracy 3/4. */
    static ArticleOutcome a2(Map<String, String> fields) {
        return article("a2", fields,
                p("REPORTING", .7, .2, .1),
                p("REPORTING", .4, .5, .1),
                p("COMMENTARY", .2, .7, .1),
                p("BOILERPLATE", .1, .1, .8));
    }

    /**
     * a3: R->R, C->R, C->C, B->R. Accuracy 1/2; F1 REPORTING 1/2, COMMENTARY 2/3, BOILERPLATE 0; macro-F1 7/18.
     */
    static ArticleOutcome a3(Map<String, String> fields) {
        return article("a3", fields,
                p("REPORTING", .8, .1, .1),
                p("COMMENTARY", .7, .2, .1),
                p("COMMENTARY", .3, .6, .1),
                p("BOILERPLATE", .5, .1, .4));
    }

    /**
     * a1 (tech-blog, AP) and a2 (politics, AP): 8 paragraphs, accuracy 6/8. REPORTING and COMMENTARY each have
     * P = R = F1 = 2/3, support 3, predicted 3, PR-AUC 11/12; BOILERPLATE is all 1 with support 2; macro-F1 7/9.
     */
    static Evaluation twoStylesOneSource() {
        return new Evaluation(LABELS, List.of(
                a1(Map.of("style", "tech-blog", "source", "AP")),
                a2(Map.of("style", "politics", "source", "AP"))));
    }

    /** The same paragraphs without any article field. */
    static Evaluation noFields() {
        return new Evaluation(LABELS, List.of(a1(Map.of()), a2(Map.of())));
    }

    /**
     * Two folds: fold 0 is a1 (accuracy 0.75, macro-F1 7/9), fold 1 is a3 (accuracy 0.5, macro-F1 7/18). Accuracy
     * mean 0.625, sample std 0.125 * sqrt(2) = 0.1768; macro-F1 mean 7/12 = 0.5833, std (7/18) / sqrt(2) = 0.2750.
     */
    static CrossValidation twoFolds() {
        Map<String, Integer> assignment = new LinkedHashMap<>();
        assignment.put("a1", 0);
        assignment.put("a3", 1);
        return new CrossValidation("bilstm", new Folds(2, 7L, assignment), List.of(
                new Evaluation(LABELS, List.of(a1(Map.of("style", "tech-blog")))),
                new Evaluation(LABELS, List.of(a3(Map.of("style", "politics"))))));
    }

    static Provenance provenance() {
        return new Provenance("0.1.0", "1.0.0-M2.1", "17.0.15", "Linux amd64", 42L, "train.jsonl", sha256("train"),
                10, 40, "dev.jsonl", sha256("dev"), 3, Map.of("macroF1", 0.9),
                "{\"seed\":42,\"epochs\":5}");
    }

    static DataDescription data() {
        return new DataDescription("test.jsonl", sha256("test"));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
