package org.wirecopy.eval;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link MappedLabeller}: summed scores by default, the inner label (a fitted decision's) when asked. */
class MappedLabellerTest {

    private static final Map<String, String> MAP = Map.of("REPORTING", "OBJ", "BOILERPLATE", "OBJ",
            "COMMENTARY", "SUBJ");

    /**
     * A labeller that gives every paragraph REPORTING 0.35, COMMENTARY 0.35, BOILERPLATE 0.30, with the label named
     * by the paragraph's text (as a model with decision biases may label other than by the highest score).
     */
    private static final ArticleLabeller FIXED = new ArticleLabeller() {
        @Override
        public List<String> labels() {
            return List.of("REPORTING", "COMMENTARY", "BOILERPLATE");
        }

        @Override
        public ClassifiedArticle classifyParagraphs(List<String> paragraphs) {
            List<ClassifiedParagraph> out = new ArrayList<>();
            for (int i = 0; i < paragraphs.size(); i++) {
                Map<String, Double> s = new LinkedHashMap<>();
                s.put("REPORTING", 0.35);
                s.put("COMMENTARY", 0.35);
                s.put("BOILERPLATE", 0.30);
                out.add(new ClassifiedParagraph(i, paragraphs.get(i), 0, 0, paragraphs.get(i), s));
            }
            return new ClassifiedArticle(labels(), out);
        }
    };

    private static List<String> labels(MappedLabeller m) {
        return m.classifyParagraphs(List.of("COMMENTARY", "BOILERPLATE", "REPORTING")).paragraphs().stream()
                .map(ClassifiedParagraph::label).toList();
    }

    @Test
    void byDefaultTheHighestSummedScoreWins() {
        // OBJ 0.35 + 0.30 = 0.65 beats SUBJ 0.35 whatever the inner label
        MappedLabeller m = new MappedLabeller(FIXED, MAP);
        assertEquals(MappedLabeller.Pick.SUMMED_SCORES, m.pick());
        assertEquals(List.of("OBJ", "OBJ", "OBJ"), labels(m));
    }

    @Test
    void innerLabelMapsTheLabelTheInnerLabellerChose() {
        MappedLabeller m = new MappedLabeller(FIXED, MAP, MappedLabeller.Pick.INNER_LABEL);
        assertEquals(List.of("SUBJ", "OBJ", "OBJ"), labels(m));
        ClassifiedParagraph p = m.classifyParagraphs(List.of("COMMENTARY")).paragraphs().get(0);
        assertEquals(0.65, p.scores().get("OBJ"), 1e-12, "the scores are still summed");
        assertEquals(0.35, p.scores().get("SUBJ"), 1e-12);
    }
}
