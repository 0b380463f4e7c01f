import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.text.TextNormalizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cost of static paragraph vectors beside the cost of classifying, in one JVM on one thread (run by
 * {@code src/bench/vectors-benchmark.sh}; see docs/vectors.md). Arguments: ROUNDS VECTORS_FILE...
 *
 * For every vectors file: the median time to load it (read + parse) and the median time per paragraph of
 * {@code StaticVectors.embed} over the paragraphs of training-data/{train,dev,test}.jsonl (normalised beforehand,
 * untimed); beside that, the median time per paragraph of {@code Classifier.classifyParagraphs} with the bundled model
 * over the same articles, and the ratio. Two untimed warm-up rounds precede the timed rounds of each measurement.
 */
public final class VectorsBench {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<List<String>> articles = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            Corpus c = CorpusReader.read(Path.of("training-data", split + ".jsonl"), CorpusOptions.defaults());
            for (LabelledArticle a : c.articles()) {
                articles.add(a.texts());
                for (String t : a.texts()) paragraphs.add(TextNormalizer.normalize(t));
            }
        }
        int n = paragraphs.size();
        long chars = paragraphs.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "%d articles, %d paragraphs (mean %.0f chars), %d timed rounds, 1 thread, %s%n",
                articles.size(), n, (double) chars / n, rounds, Runtime.version());

        Classifier classifier = Classifier.loadDefault();
        double[] classify = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            long sink = 0;
            for (List<String> a : articles) sink += classifier.classifyParagraphs(a).paragraphs().size();
            long dt = System.nanoTime() - t0;
            if (sink != n) throw new IllegalStateException("classified " + sink + " of " + n + " paragraphs");
            if (r >= 0) classify[r] = (double) dt / n;
        }
        double classifyMedian = median(classify);
        System.out.printf(Locale.ROOT, "%-40s %10s %14s %12s%n", "", "load (ms)", "ns/paragraph", "vs classify");
        System.out.printf(Locale.ROOT, "%-40s %10s %14.0f %12s%n", "classifyParagraphs, bundled model", "", classifyMedian, "1.000");

        for (int f = 1; f < args.length; f++) {
            Path file = Path.of(args[f]);
            double[] load = new double[rounds];
            StaticVectors v = null;
            for (int r = -2; r < rounds; r++) {
                long t0 = System.nanoTime();
                v = StaticVectors.read(Files.readAllBytes(file));
                if (r >= 0) load[r] = (System.nanoTime() - t0) / 1e6;
            }
            float[] out = new float[v.dims()];
            double[] embed = new double[rounds];
            double check = 0;
            for (int r = -2; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (String p : paragraphs) {
                    v.embed(p, out, 0);
                    check += out[0];
                }
                long dt = System.nanoTime() - t0;
                if (r >= 0) embed[r] = (double) dt / n;
            }
            double e = median(embed);
            System.out.printf(Locale.ROOT, "%-40s %10.1f %14.0f %12.3f%n",
                    "embed, " + v.dims() + "-d, " + file.getFileName(), median(load), e, e / classifyMedian);
            if (Double.isNaN(check)) throw new IllegalStateException("NaN in a paragraph vector");
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
