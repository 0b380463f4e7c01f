package org.wirecopy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.network.Ensemble;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-stage cost of a classification in microseconds of this thread's CPU per paragraph, in process, one thread, on
 * the first articles of a JSONL file (default {@code target/bench/input.jsonl}, the benchmark's Reuters input):
 * {@code features} (cues, n-grams, input vectors), {@code forward} (the network on vectors computed once) and
 * {@code classify} ({@link Classifier#classify(Article)} on normalised articles, result objects included). Thread CPU
 * time, not wall time, so that a busy machine disturbs it less; medians over rounds after a warm-up. Also prints a
 * checksum of the scores, which must not change between builds.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:target/lib/*" org.wirecopy.bench.StageTimes [FILE] [ARTICLES] [ROUNDS]
 * </pre>
 */
public final class StageTimes {

    private StageTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/input.jsonl");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        int paragraphs = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line; articles.size() < limit && (line = in.readLine()) != null; ) {
                JsonNode a = json.readTree(line);
                List<String> texts = new ArrayList<>();
                for (JsonNode p : a.get("paragraphs")) texts.add(p.get("text").asText());
                Article article = Article.ofParagraphs(texts);
                articles.add(article);
                paragraphs += article.paragraphs().size();
            }
        }
        Model model = Classifier.defaultModel();
        Classifier classifier = new Classifier(model);
        FeatureExtractor features = new FeatureExtractor(model.features(), model.vectors());
        Ensemble network = new Ensemble(model.network(), model.weights(), model.features().inputSize(),
                model.labels().size());
        List<List<SparseVector>> vectors = new ArrayList<>();
        for (Article a : articles) vectors.add(features.extract(a.paragraphs()));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] t = new double[3][rounds];
        long check = 0;
        for (int r = -rounds; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long sink = 0;
            for (Article a : articles) sink += features.extract(a.paragraphs()).size();
            long t1 = mx.getCurrentThreadCpuTime();
            for (List<SparseVector> v : vectors) sink += network.scores(v).length;
            long t2 = mx.getCurrentThreadCpuTime();
            long sum = 0;
            for (Article a : articles) {
                ClassifiedArticle c = classifier.classify(a);
                for (ClassifiedParagraph p : c.paragraphs()) {
                    for (double s : p.scores().values()) sum = Long.rotateLeft(sum, 7) ^ Double.doubleToLongBits(s);
                }
            }
            long t3 = mx.getCurrentThreadCpuTime();
            if (sink == 42) System.out.print("");
            check = sum;
            if (r >= 0) {
                t[0][r] = (t1 - t0) / 1e3 / paragraphs;
                t[1][r] = (t2 - t1) / 1e3 / paragraphs;
                t[2][r] = (t3 - t2) / 1e3 / paragraphs;
            }
        }
        System.out.printf("%d articles, %d paragraphs, %d rounds; us of CPU per paragraph, median (min):%n",
                articles.size(), paragraphs, rounds);
        String[] names = {"features", "forward", "classify"};
        for (int s = 0; s < 3; s++) {
            double[] v = t[s].clone();
            Arrays.sort(v);
            System.out.printf("  %-9s %7.3f (%7.3f)  = %.0f paragraphs/s%n", names[s], v[rounds / 2], v[0],
                    1e6 / v[rounds / 2]);
        }
        System.out.printf("  scores checksum %016x%n", check);
    }
}
