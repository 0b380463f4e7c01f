import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.network.ForwardPass;
import org.wirecopy.text.Article;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One build's side of stages-ab.sh (StagesAB loads it once per build, each through its own class loader). The forward
 * pass is the first network of the model, which every build has (a seed ensemble's others are not timed). */
public class StagesHelper {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private final List<Article> articles = new ArrayList<>();
    private final List<List<SparseVector>> vectors = new ArrayList<>();
    private final FeatureExtractor features;
    private final ForwardPass network;
    private final Classifier classifier;
    private int paragraphs;

    public StagesHelper(String file, int limit) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(file))) {
            for (String line; articles.size() < limit && (line = in.readLine()) != null; ) {
                List<String> texts = new ArrayList<>();
                for (JsonNode p : json.readTree(line).get("paragraphs")) texts.add(p.get("text").asText());
                Article article = Article.ofParagraphs(texts);
                articles.add(article);
                paragraphs += article.paragraphs().size();
            }
        }
        Model model = Classifier.defaultModel();
        classifier = new Classifier(model);
        features = new FeatureExtractor(model.features(), model.vectors());
        network = new ForwardPass(model.network(), model.weights(), model.features().inputSize(),
                model.labels().size());
        for (Article a : articles) vectors.add(features.extract(a.paragraphs()));
    }

    /** One round: us of CPU per paragraph of features, forward pass and classify; a checksum of the scores. */
    public double[] round() {
        long t0 = MX.getCurrentThreadCpuTime();
        long sink = 0;
        for (Article a : articles) sink += features.extract(a.paragraphs()).size();
        long t1 = MX.getCurrentThreadCpuTime();
        for (List<SparseVector> v : vectors) sink += network.scores(v).length;
        long t2 = MX.getCurrentThreadCpuTime();
        long sum = 0;
        for (Article a : articles) {
            for (ClassifiedParagraph p : classifier.classify(a).paragraphs()) {
                for (double s : p.scores().values()) sum = Long.rotateLeft(sum, 7) ^ Double.doubleToLongBits(s);
            }
        }
        long t3 = MX.getCurrentThreadCpuTime();
        return new double[]{(t1 - t0) / 1e3 / paragraphs, (t2 - t1) / 1e3 / paragraphs, (t3 - t2) / 1e3 / paragraphs,
                sum, sink};
    }
}
