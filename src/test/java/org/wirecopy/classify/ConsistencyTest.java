package org.wirecopy.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.cli.WirecopyCli;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.features.Cues;
import org.wirecopy.features.Tokenizer;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way of classifying many articles gives, for every paragraph, exactly the label and scores that classifying
 * its article alone gives: a batch of articles in any order, several threads sharing one classifier, and the
 * streaming JSONL command line on several threads. Scores are compared bit for bit in process, and to the printed
 * precision (and byte for byte between runs) through the command line.
 *
 * <p>And the shortcuts that make classification fast compute exactly what the plain computation does: the pattern
 * cues what a plain {@code find()} of their expression gives (the forward pass's activations are checked against
 * {@code Math.tanh} and {@code Math.exp} by {@code org.wirecopy.network.ActivationsTest}).
 */
class ConsistencyTest {

    @TempDir
    static Path dir;
    static Model model;
    static Path modelFile;
    /** Articles as paragraph texts, with their ids. */
    static List<String> ids;
    static List<List<String>> articles;
    /** One by one: each article classified alone, in order, on one thread, by a fresh classifier. */
    static List<ClassifiedArticle> expected;

    @BeforeAll
    static void classifyOneByOne() throws Exception {
        model = TestData.tinyModel();
        modelFile = dir.resolve("tiny.zip");
        ModelIO.save(model, modelFile);
        ids = new ArrayList<>();
        articles = new ArrayList<>();
        for (LabelledArticle a : CorpusReader.read(TestData.root().resolve("training-data/test.jsonl"),
                CorpusOptions.defaults()).articles()) {
            ids.add(a.id());
            articles.add(a.texts());
        }
        for (LabelledArticle a : TestData.tinyCorpus().articles()) {
            ids.add("tiny-" + a.id());
            articles.add(a.texts());
        }
        // longer than the 64-paragraph chunks training reads (and the windows the forward pass once scored), a single
        // paragraph, and odd characters
        List<String> longOne = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            longOne.add(i % 3 == 0 ? "WASHINGTON (AP) \u2014 Officials said on Tuesday the vote " + i + " slipped."
                    : i % 3 == 1 ? "What a mess, honestly. I expected better (h/t Instapundit)" : "Advertisement");
        }
        ids.add("long");
        articles.add(longOne);
        ids.add("single");
        articles.add(List.of("From the AP:"));
        ids.add("odd");
        articles.add(List.of("\u201cCaf\u00e9 na\u00efve\u201d \u2014 \uD83D\uDE00 \u00bb Share \u2022 12:30 p.m.",
                "\u0417\u0430\u044f\u0432\u043b\u0435\u043d\u0438\u0435 ... said on Monday, 41, www.example.org",
                "THE EXCERPT ABOVE is the bit that matters."));
        Classifier one = new Classifier(model);
        expected = new ArrayList<>();
        for (List<String> a : articles) expected.add(one.classifyParagraphs(a));
    }

    /**
     * The one-by-one results every other test here compares with are themselves checked against an independent
     * oracle: Deeplearning4j's output for the same weights and inputs, the 150-paragraph article included (read whole
     * by both).
     */
    @Test
    void theOneByOneResultsAreDeeplearning4jsScores() {
        org.wirecopy.features.FeatureExtractor fx = new org.wirecopy.features.FeatureExtractor(model.features());
        int checked = 0;
        boolean longChecked = false;
        for (int i = 0; i < articles.size(); i++) {
            boolean isLong = articles.get(i).size() > 96;
            if (checked >= 40 && !isLong) continue;
            longChecked |= isLong;
            float[][] dl4j = org.wirecopy.network.internal.SequenceTrainer.dl4jScores(model.network(),
                    model.weights(), model.features().inputSize(), model.labels().size(),
                    fx.extract(Article.ofParagraphs(articles.get(i)).paragraphs()));
            List<ClassifiedParagraph> ps = expected.get(i).paragraphs();
            for (int k = 0; k < ps.size(); k++) {
                for (int j = 0; j < model.labels().size(); j++) {
                    assertEquals(dl4j[k][j], ps.get(k).score(model.labels().get(j)), 2e-5,
                            ids.get(i) + " paragraph " + k);
                }
            }
            checked++;
        }
        assertTrue(checked >= 20, "only " + checked + " articles checked");
        assertTrue(longChecked, "no article over 96 paragraphs checked");
    }

    @Test
    void aBatchOfArticlesInAnyOrderGivesTheScoresOfEachArticleAlone() {
        Classifier c = new Classifier(model);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) order.add(i);
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(order, new Random(seed));
            for (int i : order) assertEquals(expected.get(i), c.classifyParagraphs(articles.get(i)), ids.get(i));
        }
        // the raw score arrays of the batch path are the classified scores, bit for bit, for articles with no
        // paragraph that is furniture by its form (classify reads those articles without it, scores() reads all)
        int compared = 0;
        for (int i = 0; i < articles.size(); i++) {
            List<Paragraph> read = Article.ofParagraphs(articles.get(i)).paragraphs();
            if (read.stream().anyMatch(p -> Classifier.furniture(p) != null)) continue;
            compared++;
            float[][] raw = c.scores(read);
            List<ClassifiedParagraph> ps = expected.get(i).paragraphs();
            assertEquals(ps.size(), raw.length);
            for (int p = 0; p < raw.length; p++) {
                for (int l = 0; l < c.labels().size(); l++) {
                    assertEquals((double) raw[p][l], ps.get(p).scores().get(c.labels().get(l)), ids.get(i) + " " + p);
                }
            }
        }
        assertTrue(compared >= articles.size() * 9 / 10, compared + " of " + articles.size() + " compared");
    }

    @Test
    void manyThreadsSharingOneClassifierGiveTheScoresOfEachArticleAlone() throws Exception {
        Classifier c = new Classifier(model);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < articles.size(); i++) order.add(i);
                Collections.shuffle(order, new Random(round));
                List<Future<ClassifiedArticle>> fs = new ArrayList<>();
                for (int i : order) fs.add(pool.submit(() -> c.classifyParagraphs(articles.get(i))));
                for (int k = 0; k < order.size(); k++) {
                    int i = order.get(k);
                    assertEquals(expected.get(i), fs.get(k).get(), ids.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamingTheCorpusOnSeveralThreadsGivesTheScoresOfEachArticleAlone() throws Exception {
        Path corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, jsonl(0, articles.size()), StandardCharsets.UTF_8);
        String threaded = classifyCli(corpus, 3);
        assertEquals(threaded, classifyCli(corpus, 1), "--threads 3 and --threads 1 print different results");
        assertMatchesExpected(threaded);
        // and the command line given each article in a file of its own prints the same lines
        StringBuilder alone = new StringBuilder();
        for (int i = 0; i < articles.size(); i++) {
            Path f = dir.resolve("article-" + i + ".jsonl");
            Files.write(f, jsonl(i, i + 1), StandardCharsets.UTF_8);
            alone.append(classifyCli(f, 2));
        }
        assertEquals(threaded, alone.toString());
    }

    /**
     * The pattern cues skip most of the text before running their regular expression (see Cues); they must give
     * exactly what a plain {@code find()} of the expression gives, on real paragraphs and on odd ones made to
     * straddle every shortcut.
     */
    @Test
    void patternCuesEqualAPlainFindOfTheirExpression() throws Exception {
        // cue name -> the Cues field holding its expression; true when it is matched against the stripped text
        Map<String, String> cues = new LinkedHashMap<>();
        cues.put("said_after_quote", "SAID_AFTER_QUOTE");
        cues.put("agency_name", "AGENCY");
        cues.put("dateline", "DATELINE");
        cues.put("credit_at_end", "CREDIT_END");
        cues.put("update_prefix", "UPDATE");
        cues.put("age_apposition", "AGE");
        cues.put("url_or_handle", "URL");
        cues.put("time_of_day", "TIME");
        cues.put("numbered_item", "NUMBERED");
        cues.put("refers_back", "REFERS_BACK");
        Set<String> onStripped = Set.of("credit_at_end", "update_prefix", "numbered_item");
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cues.entrySet()) {
            Field f = Cues.class.getDeclaredField(e.getValue());
            f.setAccessible(true);
            patterns.put(e.getKey(), (Pattern) f.get(null));
        }
        List<String> texts = new ArrayList<>();
        for (List<String> a : articles) texts.addAll(a);
        List<String> pieces = pieces();
        Random r = new Random(5);
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 1 + r.nextInt(8); j > 0; j--) b.append(pieces.get(r.nextInt(pieces.size())));
            texts.add(b.toString());
        }
        Map<String, Integer> hits = new LinkedHashMap<>();
        float[] out = new float[Cues.COUNT];
        for (String text : texts) {
            Cues.compute(text, Tokenizer.tokens(text, Integer.MAX_VALUE, false), 0, 1, 0, 0, out, 0);
            for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                String subject = onStripped.contains(e.getKey()) ? text.strip() : text;
                boolean found = e.getValue().matcher(subject).find();
                assertEquals(found ? 1f : 0f, out[Cues.NAMES.indexOf(e.getKey())], e.getKey() + " of [" + text + "]");
                if (found) hits.merge(e.getKey(), 1, Integer::sum);
            }
        }
        for (String cue : cues.keySet()) {
            assertTrue(hits.getOrDefault(cue, 0) >= 20, cue + " matched too rarely to test it");
        }
    }

    /**
     * Bits of text that every alternative of the pattern cues matches, near misses, and chars around their shortcuts
     * (word boundaries, case, non-ASCII letters and marks, line ends).
     */
    private static List<String> pieces() {
        List<String> p = new ArrayList<>(List.of("WASHINGTON (AP) -- ", "LONDON, March 3 (Reuters) - ",
                "NEW YORK, N.Y., Jan. 5 (AFP) --- ", "(Bloomberg) -- ", "(Reuters)- ", " (Associated Press)",
                "(via Reuters)", "(h/t Instapundit).", "(hat tip Jo)", "(Source: AP).", "(source: The Hill)",
                " h/t Instapundit", " H/T Jo.", " via The Hill.", " Via Kottke", " HT Mo", " HT: Kottke",
                "\"We need time,\" said Rep. Ana Cole.", "\"No!\" she said", "?\" officials told", ",\" he wrote",
                "!\" Mr. Big Name Here added", ",\" it says", ", 41,", ", 7", ", 1234,", " at 10:30 a.m.", " 9:45PM ",
                "12:30:45 pm", "12:3", "1:", " https://x.com/a", "http://y", " www.example.org ", " foo.com ", ".org",
                ".net", ".gov", ".co.uk", ".c", ".n", "@handle", " @handle ", "a@b", "@", " said on Monday ",
                "said Friday", "says in a statement", "says on Sunday", "_said on Tuesday", "said", "says", "1. ",
                "12) ", "- item", "* bullet", "\u2022 dot", "theThe", "_the passage above", "the  story above",
                "\u017fay", "\u212Aelvin", "AP-style", "_AP", "xdpa", "TimesX", "\u00e9AP", "\u0301AP",
                "\uD835\uDC00AP",
                "\uD835\uDC00the last line", "e\u0301the bit above", " ... ", "...", "I think", "\u00A0", "\u2014", " ",
                "  ", "\t", "\n", "\r\n", "\u0085", "\u2028", ")", ").", "(", "x", "_", "0", "The", "the ", "\""));
        for (String w : List.of("UPDATE", "Update", "UPDATED", "Updated", "ADDED", "Added", "ADDENDUM", "Addendum",
                "CORRECTION", "Correction", "EDIT", "Edit", "Editor's note", "EDITOR'S NOTE", "LATER", "Later", "MORE",
                "Bump", "BUMP")) {
            p.add(w + ": ");
            p.add(w + " 2. ");
        }
        for (String name : List.of("AP", "Associated Press", "Reuters", "AFP", "Agence France-Presse", "Bloomberg",
                "UPI", "United Press International", "Dow Jones", "Xinhua", "Kyodo", "Yonhap", "TASS", "Interfax",
                "dpa",
                "ANSA", "EFE", "PTI", "Press Association", "CNN", "BBC", "NPR", "New York Times", "Washington Post",
                "Wall Street Journal", "Financial Times", "Guardian", "Times", "Post", "Journal", "Tribune", "Herald",
                "Gazette", "Chronicle", "Globe", "Daily", "Bureau", "Newswire", "Wire")) {
            p.add(" " + name);
            p.add(name + "s ");
        }
        for (String d : List.of("the", "this", "that", "The", "THIS", "tHat")) {
            for (String n : List.of("passage", "bit", "quote", "line", "paragraph", "story", "report", "piece")) {
                p.add(" " + d + " " + n + " above");
                p.add(d + " " + n.toUpperCase(java.util.Locale.ROOT) + " ABOVE ");
            }
            for (String n : List.of("paragraph", "line", "bit", "sentence", "part", "quote")) p.add(d + " last " + n);
            p.add(" " + d + " bit");
        }
        p.addAll(List.of("excerpt ", "Excerpts", "EXCERPTS.", "excerpted"));
        return p;
    }

    private static List<String> jsonl(int from, int to) {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ObjectNode o = json.createObjectNode();
            o.put("id", ids.get(i));
            ArrayNode ps = o.putArray("paragraphs");
            for (String t : articles.get(i)) ps.addObject().put("text", t);
            lines.add(o.toString());
        }
        return lines;
    }

    private static String classifyCli(Path file, int threads) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), "classify", "--model",
                modelFile.toString(), "--format", "jsonl", "--threads", String.valueOf(threads), file.toString());
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** Each printed line has the label of the one-by-one result and its scores to the printed precision. */
    private static void assertMatchesExpected(String printed) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = printed.lines().toList();
        int line = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (ClassifiedParagraph p : expected.get(i).paragraphs()) {
                JsonNode n = json.readTree(lines.get(line++));
                assertEquals(ids.get(i), n.get("article").asText());
                assertEquals(p.index(), n.get("index").asInt());
                assertEquals(p.label(), n.get("label").asText(), ids.get(i) + " " + p.index());
                for (Map.Entry<String, Double> e : p.scores().entrySet()) {
                    double shown = n.get("scores").get(e.getKey()).asDouble();
                    assertTrue(Math.abs(shown - e.getValue()) <= 5e-7 + 1e-12, ids.get(i) + " " + p.index() + " "
                            + e.getKey() + ": printed " + shown + ", alone " + e.getValue());
                }
            }
        }
        assertEquals(lines.size(), line, "more lines than paragraphs");
    }
}
