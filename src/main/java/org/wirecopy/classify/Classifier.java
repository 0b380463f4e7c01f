package org.wirecopy.classify;

import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.DecisionBiases;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.ActivationKernel;
import org.wirecopy.network.Ensemble;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;
import org.wirecopy.text.Paragraph;

import java.util.regex.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Labels every paragraph of an article with a trained {@link Model}.
 *
 * <p><b>Thread-safe:</b> one instance can be shared by any number of threads. It holds no mutable state; the network
 * runs in plain Java ({@link org.wirecopy.network.ForwardPass}; a seed ensemble's members averaged by
 * {@link org.wirecopy.network.Ensemble}) with no locks, and an article's scores do not depend on the thread, on other
 * calls or on batching.
 */
public final class Classifier implements ArticleLabeller {

    /** Classpath location of the bundled default model. */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/wirecopy/default-model.zip";

    private static volatile Classifier defaultInstance;

    private final Model model;
    private final FeatureExtractor features;
    private final Ensemble network;
    private final double minConfidence;
    /** Read-only: the scores of every paragraph outside a page's main content (null without an OUTSIDE_LABEL). */
    private final float[] outsideScores;
    /** Where REPORTING and COMMENTARY are among the model's labels, or -1 (see {@link #pageVoice}). */
    private final int reportingIndex;
    private final int commentaryIndex;

    /**
     * A classifier for {@code model} that flags no paragraph as uncertain.
     *
     * @param model a trained model; not null
     */
    public Classifier(Model model) {
        this(model, 0.0);
    }

    /**
     * A classifier for {@code model} that flags paragraphs whose top score is below {@code minConfidence} as
     * uncertain (see {@link ClassifiedParagraph#uncertain()}); 0 flags none.
     *
     * @param model         a trained model; not null
     * @param minConfidence the minimum top score, in 0..1
     * @throws IllegalArgumentException when {@code minConfidence} is outside 0..1 or NaN
     */
    public Classifier(Model model, double minConfidence) {
        this(model, minConfidence, new FeatureExtractor(Objects.requireNonNull(model, "model").features(),
                model.vectors()), network(model, model.weights().members(), ActivationKernel.RATIONAL));
    }

    /**
     * A classifier for {@code model} whose features run the given sentence encoder instead of the one
     * {@link org.wirecopy.features.SentenceEncoders#require} finds: a training run passes one that remembers the
     * embeddings of its paragraphs. Flags no paragraph as uncertain.
     *
     * @param model   a trained model; not null
     * @param encoder the encoder the model's {@link org.wirecopy.features.FeatureConfig#encoder()} names, or null
     *                when it names none
     * @throws IllegalArgumentException when the encoder does not fit the model's features
     */
    public Classifier(Model model, SentenceEncoder encoder) {
        this(model, 0.0, new FeatureExtractor(Objects.requireNonNull(model, "model").features(), model.vectors(),
                encoder), network(model, model.weights().members(), ActivationKernel.RATIONAL));
    }

    /** Shares the (immutable, thread-safe) feature extractor and networks of another classifier of {@code model}. */
    private Classifier(Model model, double minConfidence, FeatureExtractor features, Ensemble network) {
        this.model = model;
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minimum confidence must be in 0..1, got " + minConfidence);
        }
        this.features = features;
        this.network = network;
        this.minConfidence = minConfidence;
        this.outsideScores = outsideScores(model.labels());
        this.reportingIndex = model.labels().indexOf("REPORTING");
        this.commentaryIndex = model.labels().indexOf("COMMENTARY");
    }

    private static Ensemble network(Model model, int networks, ActivationKernel kernel) {
        int members = model.weights().members();
        if (networks < 1 || networks > members) {
            throw new IllegalArgumentException("networks must be in 1.." + members + " (the model holds " + members
                    + "), got " + networks);
        }
        return new Ensemble(model.network(), model.weights(), model.features().inputSize(), model.labels().size(),
                networks, kernel);
    }

    /**
     * The same model with another minimum confidence, reading the same networks.
     *
     * @param min the minimum top score, in 0..1; 0 flags none
     * @return a new classifier
     * @throws IllegalArgumentException when {@code min} is outside 0..1 or NaN
     */
    public Classifier withMinConfidence(double min) {
        return new Classifier(model, min, features, network);
    }

    /**
     * The same model reading only the first {@code n} networks of its seed ensemble: about {@code n / members} of the
     * network's time (the features are computed once either way), usually a little less accurate. The bundled model
     * holds 3; {@code withNetworks(1)} is its fastest form.
     *
     * @param n networks to read, 1..the model's
     * @return a new classifier
     * @throws IllegalArgumentException when {@code n} is not in 1..{@link #networks()} of the model
     */
    public Classifier withNetworks(int n) {
        return new Classifier(model, minConfidence, features, network(model, n, network.kernel()));
    }

    /**
     * The same model computing the networks' LSTM activations with {@code kernel}: classifiers use
     * {@link ActivationKernel#RATIONAL} unless told otherwise; {@link ActivationKernel#EXACT} gives the scores of
     * Deeplearning4j's arithmetic bit for bit, at about 1.13 times the CPU of a classification (docs/performance.md,
     * "Ninth round").
     *
     * @param kernel how the LSTM's tanh and sigmoid are computed
     * @return a new classifier reading as many networks as this one
     */
    public Classifier withActivations(ActivationKernel kernel) {
        return new Classifier(model, minConfidence, features, network(model, network.size(),
                Objects.requireNonNull(kernel, "kernel")));
    }

    /** {@return how the networks' LSTM activations are computed (see {@link #withActivations})} */
    public ActivationKernel activations() {
        return network.kernel();
    }

    /**
     * {@return how many networks of the model this classifier reads (all of them unless {@link #withNetworks} chose
     * fewer)}
     */
    public int networks() {
        return network.size();
    }

    /** {@return the minimum confidence: paragraphs whose top score is below it are flagged uncertain} */
    public double minConfidence() {
        return minConfidence;
    }

    /**
     * Why paragraph {@code index} of {@code article} got its scores: see {@link Explainer}. A paragraph outside a
     * page's main content is explained by that one fact.
     *
     * @param article the whole article, as {@link #classify(Article)} reads it
     * @param index   the paragraph's index, in 0..size-1
     * @param top     the number of features kept per label, at least 0
     * @return the paragraph's scores and, per label, the features that raised it most
     * @throws IllegalArgumentException when {@code index} is outside the article
     */
    public Explanation explain(Article article, int index, int top) {
        if (index < 0 || index >= article.size()) {
            throw new IllegalArgumentException("paragraph index " + index + " is outside 0.." + (article.size() - 1));
        }
        Inside inside = inside(article);
        int at = inside.at()[index];
        if (at < 0) return outsideExplanation(article.paragraphs().get(index), index);
        // the network reads the paragraphs inside the main content, post by post, as classify() does
        List<Paragraph> read = inside.paragraphs();
        int post = read.get(at).post();
        int from = at;
        int to = at + 1;
        while (from > 0 && read.get(from - 1).post() == post) from--;
        while (to < read.size() && read.get(to).post() == post) to++;
        List<Paragraph> run = from == 0 && to == read.size() ? read : reindexed(read.subList(from, to));
        Explanation e = new Explainer(features, network, model.labels(), model.decision())
                .explain(new Article(run, article.format(), article.page()), at - from, top);
        return withPageVoice(article.paragraphs().get(index), article.page(), index, e);
    }

    /**
     * Why every paragraph of {@code article} got its scores, in order: what {@link #explain(Article, int, int)} gives
     * for each index, computed in time linear in the article's length (features and network run once).
     *
     * @param article the whole article, as {@link #classify(Article)} reads it
     * @param top     the number of features kept per label, at least 0
     * @return one explanation per paragraph, in order
     * @throws IllegalArgumentException when {@code top} is negative
     */
    public List<Explanation> explainAll(Article article, int top) {
        if (top < 0) throw new IllegalArgumentException("top must be >= 0, got " + top);
        Inside inside = inside(article);
        Explainer explainer = new Explainer(features, network, model.labels(), model.decision());
        List<Explanation> read = new ArrayList<>(inside.paragraphs().size());
        for (List<Paragraph> run : posts(inside.paragraphs())) {
            read.addAll(explainer.explainAll(new Article(run, article.format(), article.page()), top));
        }
        List<Explanation> out = new ArrayList<>(article.size());
        for (int i = 0; i < article.size(); i++) {
            int at = inside.at()[i];
            if (at < 0) {
                out.add(outsideExplanation(article.paragraphs().get(i), i));
            } else {
                out.add(withPageVoice(article.paragraphs().get(i), article.page(), i, read.get(at)));
            }
        }
        return out;
    }

    /**
     * The scores of a paragraph the network read, with the page's word on its voice: on a page that calls itself
     * opinion (an op-ed, editorial, column or review: {@link org.wirecopy.text.PageSignals#opinion()}), the writer's
     * piece is COMMENTARY throughout, as the labelling guide has it, so the REPORTING score of every paragraph outside
     * a blockquote goes to COMMENTARY (BOILERPLATE keeps its own). Blockquotes keep the network's scores: a post that
     * pastes a report on such a page keeps its paste. Only for models with both labels; otherwise {@code sc} itself.
     */
    private float[] pageVoice(Paragraph p, org.wirecopy.text.PageSignals page, float[] sc) {
        if (!page.opinion() || p.blockquoteDepth() > 0 || reportingIndex < 0 || commentaryIndex < 0) return sc;
        float[] out = sc.clone();
        out[commentaryIndex] += out[reportingIndex];
        out[reportingIndex] = 0f;
        return out;
    }

    /** {@code e} with the scores and label of {@link #pageVoice}, and the page's part in them named. */
    private Explanation withPageVoice(Paragraph p, org.wirecopy.text.PageSignals page, int index, Explanation e) {
        List<String> labels = model.labels();
        float[] sc = new float[labels.size()];
        for (int j = 0; j < sc.length; j++) sc[j] = e.scores().get(labels.get(j)).floatValue();
        float[] voiced = pageVoice(p, page, sc);
        if (voiced == sc) return new Explanation(index, e.label(), e.scores(), e.toward());
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int j = 0; j < sc.length; j++) scores.put(labels.get(j), (double) voiced[j]);
        Map<String, List<Explanation.Contribution>> toward = new LinkedHashMap<>(e.toward());
        List<Explanation.Contribution> comm = new ArrayList<>();
        comm.add(new Explanation.Contribution("page:opinion",
                logit(voiced[commentaryIndex]) - logit(sc[commentaryIndex])));
        comm.addAll(e.toward().getOrDefault(labels.get(commentaryIndex), List.of()));
        toward.put(labels.get(commentaryIndex), comm);
        return new Explanation(index, labels.get(model.decision().choose(voiced)), scores, toward);
    }

    private static double logit(float p) {
        double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        return Math.log(q / (1 - q));
    }

    /** A paragraph the network did not read: the main-content detector decided, or it is a figure's caption. */
    private Explanation outsideExplanation(Paragraph p, int index) {
        List<String> labels = model.labels();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<Explanation.Contribution>> toward = new LinkedHashMap<>();
        String byForm = p.region() == Paragraph.Region.OUTSIDE ? null : furniture(p);
        String why = byForm != null ? byForm : "page:outside-main-content";
        for (int j = 0; j < labels.size(); j++) {
            scores.put(labels.get(j), (double) outsideScores[j]);
            toward.put(labels.get(j), labels.get(j).equals(OUTSIDE_LABEL)
                    ? List.of(new Explanation.Contribution(why, Math.log(OUTSIDE_SCORE / (1 - OUTSIDE_SCORE))))
                    : List.of());
        }
        return new Explanation(index, OUTSIDE_LABEL, scores, toward);
    }

    /**
     * The bundled default model's classifier, loaded once and shared; no checked exception, since the model is part
     * of the library.
     *
     * @return the shared classifier
     * @throws java.io.UncheckedIOException when the bundled model is missing or unreadable (a broken build)
     */
    public static Classifier bundled() {
        try {
            return loadDefault();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * A classifier for a model read from {@code in} (e.g. a class-path resource); the stream is not closed.
     *
     * @param in   the model file's bytes; not closed
     * @param name names the source in error messages
     * @return a new classifier for that model
     * @throws IOException when {@code in} cannot be read
     * @throws org.wirecopy.model.ModelFormatException when the bytes are not a valid model
     */
    public static Classifier load(InputStream in, String name) throws IOException {
        return new Classifier(ModelIO.load(in, name));
    }

    /**
     * {@link #load(InputStream, String)} with the name "model stream".
     *
     * @param in the model file's bytes; not closed
     * @return a new classifier for that model
     * @throws IOException when {@code in} cannot be read or its bytes are not a valid model
     */
    public static Classifier load(InputStream in) throws IOException {
        return load(in, "model stream");
    }

    /**
     * The bundled default model's classifier, loaded once and shared.
     *
     * @return the shared classifier
     * @throws IOException when the bundled model is missing or unreadable (a broken build)
     * @deprecated use {@link #bundled()}, which throws no checked exception
     */
    @Deprecated
    public static Classifier loadDefault() throws IOException {
        Classifier c = defaultInstance;
        if (c == null) {
            synchronized (Classifier.class) {
                c = defaultInstance;
                if (c == null) {
                    c = new Classifier(defaultModel());
                    defaultInstance = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads the bundled default model (a new copy each call).
     *
     * @return the model read from {@link #DEFAULT_MODEL_RESOURCE}
     * @throws IOException when the resource is missing or not a valid model (a broken build)
     */
    public static Model defaultModel() throws IOException {
        try (InputStream in = Classifier.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled default model " + DEFAULT_MODEL_RESOURCE
                        + " is not on the classpath; rebuild wirecopy or pass a model file");
            }
            return ModelIO.load(in, "bundled model " + DEFAULT_MODEL_RESOURCE);
        }
    }

    /**
     * A classifier for the model file at {@code path}.
     *
     * @param path a model file written by {@code wirecopy train} or {@link ModelIO#save}
     * @return a new classifier for that model
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException when the file cannot be read or is not a valid model
     *                     ({@link org.wirecopy.model.ModelFormatException})
     */
    public static Classifier load(Path path) throws IOException {
        return new Classifier(ModelIO.load(path));
    }

    /** {@return the model this classifier runs} */
    public Model model() {
        return model;
    }

    /** {@return the model's labels, in score order} */
    @Override
    public List<String> labels() {
        return model.labels();
    }

    /**
     * Classifies text or HTML, detecting which.
     *
     * @param text an article as plain text or an HTML page
     * @return every paragraph with its label and scores
     * @throws org.wirecopy.text.ArticleInputException when the input is over a size limit of {@link ArticleReader}
     */
    public ClassifiedArticle classify(String text) {
        return classify(text, InputFormat.AUTO);
    }

    /**
     * Classifies text in the given format.
     *
     * @param text   the article
     * @param format how to read it ({@link InputFormat#AUTO} to detect)
     * @return every paragraph with its label and scores
     * @throws org.wirecopy.text.ArticleInputException when the input is over a size limit of {@link ArticleReader}
     */
    public ClassifiedArticle classify(String text, InputFormat format) {
        return classify(ArticleReader.read(text, format));
    }

    /**
     * Classifies a whole web page: its HTML and, when known, the URL it was saved from (empty when unknown), which the
     * page reader uses as a signal of the page's kind (an {@code /opinion/} path, for example).
     *
     * @param html the page's HTML
     * @param url  the page's URL, or empty when unknown
     * @return every paragraph with its label and scores
     * @throws org.wirecopy.text.ArticleInputException when the page is over a size limit of {@link ArticleReader}
     */
    public ClassifiedArticle classifyPage(String html, String url) {
        return classify(ArticleReader.readPage(html, url));
    }

    /**
     * Classifies paragraphs given one by one.
     *
     * @param paragraphs the paragraphs' texts, in reading order; not null
     * @return every paragraph with its label and scores
     * @throws IllegalArgumentException when a paragraph is null or blank (nothing left after normalisation): blank
     *                                  strings are not paragraphs, leave them out
     */
    @Override
    public ClassifiedArticle classifyParagraphs(List<String> paragraphs) {
        Objects.requireNonNull(paragraphs, "paragraphs");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i) == null) throw new IllegalArgumentException("paragraph " + i + " is null");
        }
        Article article = Article.ofParagraphs(paragraphs);
        for (Paragraph p : article.paragraphs()) {
            if (p.normalizedText().isEmpty()) {
                throw new IllegalArgumentException("paragraph " + p.index() + " is blank (only whitespace or "
                        + "invisible chars); leave blank strings out of the list");
            }
        }
        return classify(article);
    }

    /**
     * Classifies an article already split into paragraphs. Each paragraph the network reads gets the label its
     * model's {@link Model#decision() decision biases} choose from its scores (the highest score for a model without
     * them). Paragraphs of a web page found outside its main content
     * ({@link Paragraph.Region#OUTSIDE}) and paragraphs that are furniture by their form (a figure's caption, a photo
     * credit, a bracketed link to another story: see {@code furniture}) are BOILERPLATE with the scores of
     * {@link #OUTSIDE_SCORE}; the network reads the others as the article.
     *
     * @param article an article read by {@link ArticleReader}
     * @return every paragraph with its label and scores
     */
    public ClassifiedArticle classify(Article article) {
        List<Paragraph> ps = article.paragraphs();
        List<String> labels = model.labels();
        Inside inside = inside(article);
        float[][] scores = new float[inside.paragraphs().size()][];
        int from = 0;
        for (List<Paragraph> run : posts(inside.paragraphs())) {
            float[][] s = scores(run, article.page());
            System.arraycopy(s, 0, scores, from, s.length);
            from += s.length;
        }
        List<ClassifiedParagraph> out = new ArrayList<>(ps.size());
        for (int i = 0; i < ps.size(); i++) {
            Paragraph p = ps.get(i);
            boolean read = inside.at()[i] >= 0;
            float[] sc = read ? pageVoice(p, article.page(), scores[inside.at()[i]]) : outsideScores;
            Double[] s = new Double[labels.size()];
            for (int j = 0; j < s.length; j++) s[j] = (double) sc[j];
            // the model's decision biases (none: the highest score) for what the network read; the main-content
            // detector's own scores for the rest
            int best = (read ? model.decision() : DecisionBiases.NONE).choose(sc);
            out.add(new ClassifiedParagraph(i, p.text(), p.start(), p.end(), labels.get(best),
                    new ScoreMap(labels, s), sc[best] < minConfidence));
        }
        return new ClassifiedArticle(labels, out);
    }

    /**
     * The paragraphs the network reads (all but those outside a page's main content, when the model has the
     * {@link #OUTSIDE_LABEL}), re-indexed from 0, and for each paragraph of the article its index among them (-1 for
     * one outside).
     */
    private record Inside(List<Paragraph> paragraphs, int[] at) {
    }

    private Inside inside(Article article) {
        List<Paragraph> ps = article.paragraphs();
        List<Paragraph> inside = new ArrayList<>(ps.size());
        int[] at = new int[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            Paragraph p = ps.get(i);
            if (outsideScores != null && (p.region() == Paragraph.Region.OUTSIDE || furniture(p) != null)) {
                at[i] = -1;
            } else {
                at[i] = inside.size();
                inside.add(inside.size() == p.index() ? p : p.withIndex(inside.size()));
            }
        }
        return new Inside(inside, at);
    }

    /**
     * The paragraphs the network reads split into the posts of their page ({@link Paragraph#post()}), each re-indexed
     * from 0: the network reads each post of a blog's homepage as an article of its own, as it was trained. One run for
     * any other input.
     */
    static List<List<Paragraph>> posts(List<Paragraph> read) {
        List<List<Paragraph>> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= read.size(); i++) {
            if (i < read.size() && read.get(i).post() == read.get(from).post()) continue;
            if (from == 0 && i == read.size()) return List.of(read);
            out.add(reindexed(read.subList(from, i)));
            from = i;
        }
        return out;
    }

    /** {@code ps} re-indexed from 0, as an article of their own. */
    private static List<Paragraph> reindexed(List<Paragraph> ps) {
        List<Paragraph> out = new ArrayList<>(ps.size());
        for (Paragraph p : ps) out.add(p.withIndex(out.size()));
        return out;
    }

    /** The label of paragraphs outside a page's main content. */
    public static final String OUTSIDE_LABEL = "BOILERPLATE";

    /**
     * Why {@code p} is page furniture by its form, whatever its prose says, or null when it is not: the caption of a
     * figure on a web page (it sits in a {@code figcaption} element, or repeats the alternative text of the image just
     * before it), a photo credit ("(Photo: Jo Park/Getty Images)", "Illustration by ...", "&copy; 2024 ..."), a
     * graphic's label ("Map: ..."), a news-photo caption in the agencies' form ("In this photo taken Monday, ..."), or
     * a link to another story set in brackets inside the article ("[Read: ...]", mostly link text; an elision mark
     * such as "[...]" in pasted copy has no link). They are BOILERPLATE by the labelling guide, and the network, which
     * reads their words, took some for news copy. On the project's 24,150 labelled paragraphs and the real posts and
     * pages of the acceptance sets, every paragraph these rules name is BOILERPLATE in the gold.
     */
    static String furniture(Paragraph p) {
        if ("figcaption".equals(p.tag()) || p.imageCaption()) return "page:figure-caption";
        String t = p.normalizedText();
        if (t.length() <= 120 && !t.endsWith(":") && PHOTO_CREDIT.matcher(t).lookingAt()) return "text:photo-credit";
        if (t.length() <= 400 && PHOTO_CAPTION.matcher(t).lookingAt()) return "text:photo-caption";
        if (p.linkShare() >= 0.5f && t.length() <= 200 && t.startsWith("[") && t.endsWith("]")) {
            return "page:related-link";
        }
        return null;
    }

    /** A picture's credit or label: "Photo: ...", "(Artist: ...)", "Map: ...", "Images courtesy of ...", "&copy;". */
    private static final Pattern PHOTO_CREDIT = Pattern.compile("[(\\[]?\\s*(?:"
            + "(?:all\\s+)?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|artwork|artist|graphics?|video"
            + "|(?:photo\\s+|image\\s+)?credits?|sources?|maps?|charts?|graphs?|infographics?)"
            + "(?:\\s+(?:by|courtesy(?:\\s+of)?))?\\s*[:\u2013\u2014-]"
            + "|(?:photo(?:graph)?|image|illustration|video)s?\\s+(?:by|courtesy\\s+of)\\s"
            + "|\u00a9|\\(c\\)\\s|copyright\\s+(?:\u00a9|\\(c\\)|\\d{4}))", Pattern.CASE_INSENSITIVE);

    /** The agencies' caption form: "In this photo taken ...", "In this Aug. 5, 2024, file photo, ...". */
    private static final Pattern PHOTO_CAPTION = Pattern.compile(
            "in this (?:[\\w.,'\u2019 -]{0,40} )?(?:photo(?:graph)?|frame grab)s?\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The score of {@link #OUTSIDE_LABEL} for paragraphs outside a page's main content (the rest shared equally by the
     * other labels): the main-content detector is right about nearly all of them, but not all.
     */
    public static final float OUTSIDE_SCORE = 0.97f;

    /** The scores of a paragraph outside the main content, or null when the model has no {@link #OUTSIDE_LABEL}. */
    private static float[] outsideScores(List<String> labels) {
        int label = labels.indexOf(OUTSIDE_LABEL);
        if (label < 0) return null;
        float[] s = new float[labels.size()];
        for (int j = 0; j < s.length; j++) s[j] = j == label ? OUTSIDE_SCORE : (1 - OUTSIDE_SCORE) / (s.length - 1);
        return s;
    }

    /**
     * Every label's probability for each paragraph, as records (see {@link #scores(List)} for the raw form). Unlike
     * {@link #classify(Article)}, every paragraph is read by the network, whatever its region.
     *
     * @param paragraphs an article's paragraphs, in reading order
     * @return one record per paragraph, indexed from 0 in list order
     */
    public List<ParagraphScores> paragraphScores(List<Paragraph> paragraphs) {
        float[][] raw = scores(paragraphs);
        List<String> labels = model.labels();
        List<ParagraphScores> out = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            List<LabelScore> row = new ArrayList<>(labels.size());
            for (int j = 0; j < labels.size(); j++) row.add(new LabelScore(labels.get(j), raw[i][j]));
            out.add(new ParagraphScores(i, row));
        }
        return out;
    }

    /**
     * Classifies many articles on {@code threads} threads (0: one per core) and returns the results in input order,
     * streamed: inputs are pulled from {@code items} only as results are taken, and at most {@code 16 * threads}
     * are held at once, so memory stays bounded however many there are. Each result equals what
     * {@code classify(reader.apply(item))} gives alone. Close the stream (try-with-resources) to stop the threads at
     * once if it is not read to its end.
     *
     * @param <T>     the input type
     * @param items   the inputs, read lazily from the calling thread; not null
     * @param reader  turns an input into an article (called on a pool thread); not null
     * @param threads the number of threads, at least 0 (0: one per core)
     * @return the results in input order, each with its input and position
     * @throws IllegalArgumentException when {@code threads} is negative
     * @throws BatchClassificationException from the stream when an input cannot be classified, naming it
     */
    public <T> java.util.stream.Stream<Classified<T>> classifyAll(java.util.Iterator<? extends T> items,
                                                                   java.util.function.Function<? super T, Article> reader,
                                                                   int threads) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(reader, "reader");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0 = one per core), got " + threads);
        OrderedBatch<T> batch = new OrderedBatch<>(this, items, reader,
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(batch,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false).onClose(batch::close);
    }

    /**
     * Classifies texts or HTML pages (format detected) on {@code threads} threads, in input order, streamed; see
     * {@link #classifyAll(java.util.Iterator, java.util.function.Function, int)}. Closing the result closes
     * {@code texts}.
     *
     * @param texts   the articles as plain text or HTML
     * @param threads the number of threads, at least 0 (0: one per core)
     * @return the results in input order
     * @throws IllegalArgumentException when {@code threads} is negative
     */
    public java.util.stream.Stream<ClassifiedArticle> classifyAll(java.util.stream.Stream<String> texts, int threads) {
        java.util.stream.Stream<Classified<String>> out = classifyAll(texts.iterator(),
                t -> ArticleReader.read(t, InputFormat.AUTO), threads);
        return out.map(Classified::result).onClose(texts::close);
    }

    /**
     * Raw probabilities {@code [paragraph][label]} in the model's label order, for paragraphs with no page around
     * them; every paragraph is read by the network.
     *
     * @param paragraphs an article's paragraphs, in reading order
     * @return one row per paragraph; each row sums to 1 (no rows for no paragraphs)
     */
    public float[][] scores(List<Paragraph> paragraphs) {
        return scores(paragraphs, org.wirecopy.text.PageSignals.NONE);
    }

    /**
     * Raw probabilities {@code [paragraph][label]} of a page's paragraphs, with what the page says of its kind;
     * every paragraph is read by the network.
     *
     * @param paragraphs the paragraphs, in reading order
     * @param page       the page's signals ({@link org.wirecopy.text.PageSignals#NONE} for none)
     * @return one row per paragraph; each row sums to 1 (no rows for no paragraphs)
     */
    public float[][] scores(List<Paragraph> paragraphs, org.wirecopy.text.PageSignals page) {
        if (paragraphs.isEmpty()) return new float[0][];
        List<SparseVector> inputs = features.extract(paragraphs, page);
        return network.scores(inputs);
    }
}
