import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.text.TextNormalizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Every round times, one after the other over the paragraphs of training-data/{train,dev,test}.jsonl:
 * {@code Classifier.classifyParagraphs} with the bundled model (article by article), then
 * {@code StaticVectors.embed} of each vectors file (paragraphs normalised beforehand, untimed). The table shows the
 * median ns per paragraph of each and the median over rounds of the per-round ratio embed / classify (measured
 * side by side, the ratio is steadier than the times on a busy machine). Two untimed warm-up rounds come first; the
 * median of {@code StaticVectors.read} of each file is timed separately. With arguments {@code cold FILE} it prints
 * the wall time of the first read and first embed in a fresh JVM, and with {@code cold-classifier} that of loading the
 * bundled classifier and classifying one paragraph (the script runs each 5 times, alternating). Times are the CPU time of the benchmark
 * thread (ThreadMXBean), so that other processes on a shared machine inflate them less than wall time; on an idle
 * machine the two agree (one thread).
 */
public final class VectorsBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("cold")) { // one fresh-JVM figure in wall ms: first read of the file and first embed
            long t0 = System.nanoTime();
            StaticVectors v = StaticVectors.read(Files.readAllBytes(Path.of(args[1])));
            float[] out = v.embed("A first paragraph, embedded once.");
            System.out.printf(Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e6 + out[0] * 0);
            return;
        }
        if (args[0].equals("cold-classifier")) { // the same for the bundled classifier: load, classify one paragraph
            long t0 = System.nanoTime();
            int n = Classifier.loadDefault().classifyParagraphs(List.of("A first paragraph, classified once."))
                    .paragraphs().size();
            System.out.printf(Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e6 + n * 0);
            return;
        }
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
        System.out.printf(Locale.ROOT, "%d articles, %d paragraphs (mean %.0f chars), %d timed rounds, 1 thread, Java %s%n",
                articles.size(), n, (double) chars / n, rounds, Runtime.version());

        int files = args.length - 1;
        StaticVectors[] vectors = new StaticVectors[files];
        double[][] load = new double[files][rounds];
        for (int f = 0; f < files; f++) {
            for (int r = -2; r < rounds; r++) {
                long t0 = now();
                vectors[f] = StaticVectors.read(Files.readAllBytes(Path.of(args[f + 1])));
                if (r >= 0) load[f][r] = (now() - t0) / 1e6;
            }
        }
        Classifier classifier = Classifier.loadDefault();
        double[] classify = new double[rounds];
        double[][] embed = new double[files][rounds];
        double[][] ratio = new double[files][rounds];
        double check = 0;
        for (int r = -2; r < rounds; r++) {
            long t0 = now();
            long sink = 0;
            for (List<String> a : articles) sink += classifier.classifyParagraphs(a).paragraphs().size();
            double c = (double) (now() - t0) / n;
            if (sink != n) throw new IllegalStateException("classified " + sink + " of " + n + " paragraphs");
            if (r >= 0) classify[r] = c;
            for (int f = 0; f < files; f++) {
                float[] out = new float[vectors[f].dims()];
                long t1 = now();
                for (String p : paragraphs) {
                    vectors[f].embed(p, out, 0);
                    check += out[0];
                }
                double e = (double) (now() - t1) / n;
                if (r >= 0) {
                    embed[f][r] = e;
                    ratio[f][r] = e / c;
                }
            }
        }
        if (Double.isNaN(check)) throw new IllegalStateException("NaN in a paragraph vector");
        System.out.printf(Locale.ROOT, "%-44s %10s %14s %12s%n", "", "load (ms)", "CPU ns/par.", "vs classify");
        System.out.printf(Locale.ROOT, "%-44s %10s %14.0f %12s%n", "classifyParagraphs, bundled model", "",
                median(classify), "1");
        for (int f = 0; f < files; f++) {
            System.out.printf(Locale.ROOT, "%-44s %10.1f %14.0f %12.3f%n", "embed, " + vectors[f].dims() + "-d, "
                    + Path.of(args[f + 1]).getFileName(), median(load[f]), median(embed[f]), median(ratio[f]));
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
