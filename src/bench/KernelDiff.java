import org.wirecopy.classify.*;
import org.wirecopy.corpus.*;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.ActivationKernel;
import java.nio.file.*;
import java.util.*;

/**
 * The rational LSTM activations (what the classifier serves with) beside the exact ones (Deeplearning4j's arithmetic)
 * on labelled JSONL files: per file, paragraphs, how many have a score that differs, the largest score difference,
 * the labels that change, and both kernels' accuracy against the gold labels. Run from the checkout:
 * java -cp "target/wirecopy.jar:target/lib/*" src/bench/KernelDiff.java [MODEL.zip] training-data/dev.jsonl training-data/test.jsonl
 * (MODEL.zip: the bundled model when the first argument is not a .zip).
 */
public class KernelDiff {
    public static void main(String[] args) throws Exception {
        int first = args.length > 0 && args[0].endsWith(".zip") ? 1 : 0;
        Classifier rational = first == 1 ? new Classifier(ModelIO.load(Path.of(args[0]))) : Classifier.bundled();
        rational = rational.withActivations(ActivationKernel.RATIONAL);
        Classifier exact = rational.withActivations(ActivationKernel.EXACT);
        for (int f = first; f < args.length; f++) {
            Corpus corpus = CorpusReader.read(Path.of(args[f]), CorpusOptions.defaults());
            long paragraphs = 0, differ = 0, flips = 0, rightRational = 0, rightExact = 0;
            double max = 0;
            for (LabelledArticle article : corpus.articles()) {
                ClassifiedArticle a = rational.classifyParagraphs(article.texts());
                ClassifiedArticle b = exact.classifyParagraphs(article.texts());
                for (int i = 0; i < a.size(); i++) {
                    ClassifiedParagraph p = a.paragraphs().get(i), q = b.paragraphs().get(i);
                    String gold = article.paragraphs().get(i).label();
                    paragraphs++;
                    if (!p.label().equals(q.label())) flips++;
                    if (p.label().equals(gold)) rightRational++;
                    if (q.label().equals(gold)) rightExact++;
                    double d = 0;
                    for (String label : rational.labels()) d = Math.max(d, Math.abs(p.score(label) - q.score(label)));
                    if (d > 0) differ++;
                    max = Math.max(max, d);
                }
            }
            System.out.printf("%s: %d paragraphs, %d with a score changed, largest score difference %.3g, "
                    + "%d labels changed; accuracy rational %.6f, exact %.6f%n", args[f], paragraphs, differ, max,
                    flips, rightRational / (double) paragraphs, rightExact / (double) paragraphs);
        }
    }
}
