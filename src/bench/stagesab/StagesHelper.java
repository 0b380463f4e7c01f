import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.text.Article;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One build's side of stages-ab.sh (StagesAB loads it once per build, each through its own class loader). The forward
 * pass is every network of the model through org.wirecopy.network.Ensemble in a build that has it, else (builds
 * before the seed ensemble) the first network through ForwardPass; FORWARD=first times the first network in both. */
public class StagesHelper {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private final List<Article> articles = new ArrayList<>();
    private final List<List<SparseVector>> vectors = new ArrayList<>();
    private final FeatureExtractor features;
    private final Function<List<SparseVector>, float[][]> network;
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
        network = "first".equals(System.getenv("FORWARD")) || !hasEnsemble() ? first(model) : ensemble(model);
        for (Article a : articles) vectors.add(features.extract(a.paragraphs()));
    }

    private boolean hasEnsemble() {
        try {
            Class.forName("org.wirecopy.network.Ensemble", false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The first network alone: through Ensemble's {@code use} argument in a build that has it (ForwardPass is not
     * public there), else through ForwardPass, public in the builds before the ensemble (found by name, so that this
     * file compiles against either).
     */
    private Function<List<SparseVector>, float[][]> first(Model model) throws ReflectiveOperationException {
        if (hasEnsemble()) {
            // (config, weights, inputSize, labels, use) before the activation kernels, then with the kernel after it
            Class<?> ensemble = org.wirecopy.network.Ensemble.class;
            Object e;
            try {
                e = ensemble.getConstructor(model.network().getClass(), model.weights().getClass(), int.class,
                        int.class, int.class).newInstance(model.network(), model.weights(),
                        model.features().inputSize(), model.labels().size(), 1);
            } catch (NoSuchMethodException withKernel) {
                Class<?> kernel = Class.forName("org.wirecopy.network.ActivationKernel", true,
                        getClass().getClassLoader());
                e = ensemble.getConstructor(model.network().getClass(), model.weights().getClass(), int.class,
                        int.class, int.class, kernel).newInstance(model.network(), model.weights(),
                        model.features().inputSize(), model.labels().size(), 1, java.util.Arrays.stream(
                                kernel.getEnumConstants()).filter(k -> k.toString().equals("RATIONAL")).findFirst()
                                .orElseThrow());
            }
            org.wirecopy.network.Ensemble first = (org.wirecopy.network.Ensemble) e;
            return first::scores;
        }
        Class<?> c = Class.forName("org.wirecopy.network.ForwardPass", true, getClass().getClassLoader());
        Object f = c.getConstructor(model.network().getClass(), model.weights().getClass(), int.class, int.class)
                .newInstance(model.network(), model.weights(), model.features().inputSize(), model.labels().size());
        java.lang.reflect.Method scores = c.getMethod("scores", List.class);
        return v -> {
            try {
                return (float[][]) scores.invoke(f, v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Function<List<SparseVector>, float[][]> ensemble(Model model) {
        org.wirecopy.network.Ensemble e = new org.wirecopy.network.Ensemble(model.network(), model.weights(),
                model.features().inputSize(), model.labels().size());
        return e::scores;
    }

    /** One round: us of CPU per paragraph of features, forward pass and classify; a checksum of the scores. */
    public double[] round() {
        long t0 = MX.getCurrentThreadCpuTime();
        long sink = 0;
        for (Article a : articles) sink += features.extract(a.paragraphs()).size();
        long t1 = MX.getCurrentThreadCpuTime();
        for (List<SparseVector> v : vectors) sink += network.apply(v).length;
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
