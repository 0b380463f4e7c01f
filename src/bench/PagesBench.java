import org.wirecopy.classify.Classifier;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.Paragraph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-page classification throughput beside plain text, one thread, in process: every NAME.html of a folder read as
 * a page (main-content detection on, then off) and classified; then the same pages' paragraphs classified as plain
 * text. Prints the median of ROUNDS timed rounds after two warm-up rounds.
 *
 * <p>Run: {@code java -cp "target/wirecopy.jar:target/lib/*" src/bench/PagesBench.java DIR [ROUNDS]}
 */
public final class PagesBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Classifier c = Classifier.bundled();
        List<List<String>> texts = new ArrayList<>();
        long paragraphs = 0;
        for (String html : pages) {
            List<String> t = new ArrayList<>();
            for (Paragraph p : ArticleReader.readPage(html, "", false).paragraphs()) t.add(p.text());
            texts.add(t);
            paragraphs += t.size();
        }
        double[] on = new double[rounds];
        double[] off = new double[rounds];
        double[] text = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (String html : pages) c.classify(ArticleReader.readPage(html, "", true));
            long t1 = System.nanoTime();
            for (String html : pages) c.classify(ArticleReader.readPage(html, "", false));
            long t2 = System.nanoTime();
            for (List<String> t : texts) c.classify(Article.ofParagraphs(t));
            long t3 = System.nanoTime();
            if (r >= 0) {
                on[r] = (t1 - t0) / 1e9;
                off[r] = (t2 - t1) / 1e9;
                text[r] = (t3 - t2) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "%d pages, %d paragraphs, median of %d rounds, one thread%n", pages.size(),
                paragraphs, rounds);
        System.out.printf(Locale.ROOT, "HTML pages, main content on : %7.1f pages/s  %9.0f paragraphs/s%n",
                pages.size() / median(on), paragraphs / median(on));
        System.out.printf(Locale.ROOT, "HTML pages, main content off: %7.1f pages/s  %9.0f paragraphs/s%n",
                pages.size() / median(off), paragraphs / median(off));
        System.out.printf(Locale.ROOT, "same paragraphs as text     : %7.1f pages/s  %9.0f paragraphs/s%n",
                pages.size() / median(text), paragraphs / median(text));
    }

    private static double median(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        return y[y.length / 2];
    }
}
