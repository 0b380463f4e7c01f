package org.wirecopy.baseline;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Learner;
import org.wirecopy.features.Cues;
import org.wirecopy.features.Tokenizer;
import org.wirecopy.text.Paragraph;

import java.util.List;

/**
 * Hand-written rules on the cue features, the kind of heuristic a researcher would write first:
 * <ol>
 *   <li>BOILERPLATE: at most 12 words and furniture words, a URL, a pipe, a clock time, or no final punctuation
 *   with few words;</li>
 *   <li>REPORTING: a dateline; or a {@code "...," he said} attribution with no first person; or the paragraph after a
 *   lead-in that ends with a colon, when it has no first or second person;</li>
 *   <li>COMMENTARY otherwise.</li>
 * </ol>
 * It learns nothing from the training data and needs the three standard labels.
 *
 * <p>Stateless and thread-safe.
 */
public final class CueRulesBaseline implements Learner {

    private static final int TINY = idx("tiny"), SHORT = idx("short"), NO_FINAL = idx("no_final_punct"),
            ENDS_COLON = idx("ends_colon"), FIRST_S = idx("first_person_singular"), FIRST_P = idx("first_person_plural"),
            SECOND = idx("second_person"), SAID_AFTER = idx("said_after_quote"), DATELINE = idx("dateline"),
            URL = idx("url_or_handle"), PIPE = idx("pipe_or_bullet"), TIME = idx("time_of_day"),
            FURNITURE = idx("furniture_words"), ATTRIBUTION = idx("attribution_verbs"), UPDATE = idx("update_prefix");
    private static final List<String> LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    private static int idx(String name) {
        int i = Cues.NAMES.indexOf(name);
        if (i < 0) throw new IllegalStateException("no cue " + name);
        return i;
    }

    @Override
    public String name() {
        return "cue-rules";
    }

    @Override
    public ArticleLabeller train(Corpus train) {
        if (!train.labels().equals(LABELS)) {
            throw new IllegalArgumentException("the cue rules need the labels " + LABELS + ", the data has "
                    + train.labels());
        }
        return Scored.labeller(LABELS, a -> {
            int n = a.size();
            float[][] cues = new float[n][Cues.COUNT];
            for (int i = 0; i < n; i++) {
                Paragraph p = a.paragraphs().get(i);
                Cues.compute(p.normalizedText(), Tokenizer.tokens(p.normalizedText(), 20_000, false), i, n,
                        p.blockquoteDepth(), p.headingLevel(), cues[i], 0);
            }
            double[][] s = new double[n][];
            for (int i = 0; i < n; i++) s[i] = oneHot(rule(cues, i));
            return s;
        });
    }

    private static int rule(float[][] c, int i) {
        float[] x = c[i];
        boolean personal = x[FIRST_S] > 0 || x[FIRST_P] > 0 || x[SECOND] > 0;
        if (x[SHORT] > 0 && (x[FURNITURE] >= 0.3f || x[URL] > 0 || x[PIPE] > 0 || x[TIME] > 0
                || (x[TINY] > 0 && x[NO_FINAL] > 0 && x[ENDS_COLON] == 0))) {
            return 2;
        }
        if (x[UPDATE] > 0) return 1;
        if (x[DATELINE] > 0) return 0;
        if (x[SAID_AFTER] > 0 && !personal) return 0;
        if (i > 0 && c[i - 1][ENDS_COLON] > 0 && !personal) return 0;
        if (x[ATTRIBUTION] >= 0.5f && !personal && x[SHORT] == 0) return 0;
        return 1;
    }

    private static double[] oneHot(int k) {
        double[] s = {0.1, 0.1, 0.1};
        s[k] = 0.8;
        return s;
    }
}
